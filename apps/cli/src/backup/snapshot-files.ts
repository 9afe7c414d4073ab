import { parseHeader, parseLine, readBackupLines } from '@zemstvo/db';
import type { FileColumn } from '@zemstvo/server';

/**
 * The storage keys the rows of a database snapshot name, with the SHA-256 the row records (null
 * where the column has none). Read from the snapshot itself, so the files copied are exactly those
 * of the moment the snapshot was taken.
 */
export async function snapshotFileKeys(
  snapshot: string,
  columns: readonly FileColumn[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const lines = readBackupLines(snapshot);
  let picks: { key: number; sha: number }[] = [];
  let lineNo = 0;
  try {
    for await (const text of lines) {
      lineNo++;
      if (lineNo === 1) {
        parseHeader(text);
        continue;
      }
      if (text.trim() === '') continue;
      const line = parseLine(text, lineNo);
      if (line.type === 'table') {
        const names = line.columns.map((c) => c.name);
        picks =
          line.table.schema === 'public'
            ? columns
                .filter((c) => c.table === line.table.name)
                .map((c) => ({ key: names.indexOf(c.key), sha: c.sha256 ? names.indexOf(c.sha256) : -1 }))
                .filter((p) => p.key >= 0)
            : [];
      } else if (line.type === 'row')
        for (const p of picks) {
          const key = line.values[p.key];
          if (key) out.set(key, (p.sha >= 0 ? line.values[p.sha] : null) ?? out.get(key) ?? null);
        }
      else picks = [];
    }
  } finally {
    await lines.return(undefined);
  }
  return out;
}
