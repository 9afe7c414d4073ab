import { AppError, type Sql } from '@zemstvo/kernel';

/** What a logical backup needs to know about one table: its stored columns and foreign keys. */
export interface TableInfo {
  schema: string;
  name: string;
  /** `"schema"."name"`, ready for SQL. */
  qualified: string;
  /** Columns holding data (generated columns are left out: they are recomputed on insert). */
  columns: ColumnInfo[];
  /** Foreign keys from this table to itself (a tree: departments.parent_id); rows must be ordered. */
  selfReferences: SelfReference[];
  /** Tables (qualified) this one references, other than itself. */
  references: string[];
  /** Enabled user triggers (not FK checks), disabled while a restore inserts rows. */
  userTriggers: string[];
}

export interface ColumnInfo {
  name: string;
  /** `format_type` of the column: the same text on both databases for the same migration. */
  type: string;
}

export interface SelfReference {
  columns: string[];
  referencedColumns: string[];
}

export interface SequenceInfo {
  /** `"schema"."name"`. */
  qualified: string;
  /** null when nextval was never called. */
  lastValue: string | null;
}

export const quoteIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`;
const qualify = (schema: string, name: string) => `${quoteIdent(schema)}.${quoteIdent(name)}`;

// User schemas only; objects belonging to extensions (pg_trgm…) are recreated by migrations.
const USER_NAMESPACE = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_%'`;
const NOT_EXTENSION = (cls: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${cls}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;

/**
 * Every table with data in the user schemas, in foreign-key order (referenced tables first), except
 * `schema_migrations`, which a backup records in its header instead.
 */
export async function readCatalog(sql: Sql): Promise<TableInfo[]> {
  const tables = await sql.query<{ oid: string; schema: string; name: string }>(
    `SELECT c.oid::text AS oid, n.nspname AS schema, c.relname AS name
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't'
       AND ${USER_NAMESPACE} AND ${NOT_EXTENSION('pg_class', 'c.oid')}
       AND c.relname <> 'schema_migrations'
     ORDER BY n.nspname, c.relname`,
  );
  const oids = tables.map((t) => t.oid);
  const columns = await sql.query<{ rel: string; name: string; type: string }>(
    `SELECT a.attrelid::text AS rel, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a
     WHERE a.attrelid = ANY($1::text[]::oid[]) AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attrelid, a.attnum`,
    [oids],
  );
  const foreignKeys = await sql.query<{ rel: string; ref: string; cols: string[]; refcols: string[] }>(
    `SELECT con.conrelid::text AS rel, con.confrelid::text AS ref,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord) AS cols,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord) AS refcols
     FROM pg_constraint con
     WHERE con.contype = 'f' AND con.conrelid = ANY($1::text[]::oid[])
     ORDER BY con.conname`,
    [oids],
  );
  const triggers = await sql.query<{ rel: string; name: string }>(
    `SELECT t.tgrelid::text AS rel, t.tgname::text AS name FROM pg_trigger t
     WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND t.tgrelid = ANY($1::text[]::oid[])
     ORDER BY t.tgname`,
    [oids],
  );
  const byOid = new Map<string, TableInfo>();
  for (const t of tables) {
    byOid.set(t.oid, {
      schema: t.schema,
      name: t.name,
      qualified: qualify(t.schema, t.name),
      columns: columns.filter((c) => c.rel === t.oid).map((c) => ({ name: c.name, type: c.type })),
      selfReferences: [],
      references: [],
      userTriggers: triggers.filter((tr) => tr.rel === t.oid).map((tr) => tr.name),
    });
  }
  for (const fk of foreignKeys) {
    const table = byOid.get(fk.rel);
    const target = byOid.get(fk.ref);
    if (!table || !target) continue;
    if (fk.rel === fk.ref) table.selfReferences.push({ columns: fk.cols, referencedColumns: fk.refcols });
    else if (!table.references.includes(target.qualified)) table.references.push(target.qualified);
  }
  return foreignKeyOrder([...byOid.values()]);
}

/** Referenced tables before the tables that reference them; alphabetical otherwise (stable output). */
export function foreignKeyOrder(tables: readonly TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.qualified, t]));
  const out: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: TableInfo, path: string[]) => {
    const s = state.get(t.qualified);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(t.qualified)), t.qualified].join(' → ');
      throw new AppError(
        'foreign_key_cycle',
        `Tables reference each other in a cycle (${cycle}); a logical backup cannot order them.`,
        500,
      );
    }
    state.set(t.qualified, 'visiting');
    for (const ref of [...t.references].sort()) {
      const target = byName.get(ref);
      if (target) visit(target, [...path, t.qualified]);
    }
    state.set(t.qualified, 'done');
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.qualified.localeCompare(b.qualified))) visit(t, []);
  return out;
}

/** Every sequence of the user schemas (identity columns, serials, standalone) and its position. */
export async function readSequences(sql: Sql): Promise<SequenceInfo[]> {
  const rows = await sql.query<{ schema: string; name: string; last_value: string | null }>(
    `SELECT s.schemaname::text AS schema, s.sequencename::text AS name, s.last_value::text AS last_value
     FROM pg_sequences s
     JOIN pg_namespace n ON n.nspname = s.schemaname
     JOIN pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
     WHERE ${USER_NAMESPACE} AND ${NOT_EXTENSION('pg_class', 'c.oid')}
     ORDER BY 1, 2`,
  );
  return rows.map((r) => ({ qualified: qualify(r.schema, r.name), lastValue: r.last_value }));
}

/** Sets how values print and parse, so a backup reads the same on every server and client. */
export async function setPortableFormats(sql: Sql): Promise<void> {
  await sql.exec(
    `SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL IntervalStyle = 'postgres'; SET LOCAL TimeZone = 'UTC';
     SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'`,
  );
}
