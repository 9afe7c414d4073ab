import type { Sql } from '@zemstvo/kernel';

/** A column that holds storage keys, and the column with the SHA-256 of those bytes, if any. */
export interface FileColumn {
  table: string;
  key: string;
  sha256: string | null;
}

/**
 * Every column whose values are keys of the file storage (see `newStorageKey`). Backups copy the
 * files these rows name; the orphan sweep keeps them. A module that stores files adds its columns
 * here; `sweep-files.test.ts` fails on a column named like one (`storage_key`, `pdf_key`, …) that
 * is not listed.
 */
export const FILE_COLUMNS: readonly FileColumn[] = [
  { table: 'attachments', key: 'storage_key', sha256: 'sha256' },
  { table: 'attachment_uploads', key: 'storage_key', sha256: 'sha256' },
  { table: 'document_versions', key: 'docx_key', sha256: null },
  { table: 'document_versions', key: 'pdf_key', sha256: 'pdf_sha256' },
  { table: 'signatures', key: 'file_key', sha256: 'file_sha256' },
];

/**
 * The storage keys that any row names, in every municipality: a platform-wide question asked by
 * the operator's tools (orphan sweep), so it is deliberately not filtered by municipality.
 */
export async function referencedFileKeys(sql: Sql): Promise<Set<string>> {
  const parts = FILE_COLUMNS.map((c) => `SELECT ${c.key} AS k FROM ${c.table} WHERE ${c.key} IS NOT NULL`);
  const rows = await sql.query<{ k: string }>(parts.join(' UNION '));
  return new Set(rows.map((r) => r.k));
}
