import type { TableInfo } from './catalog.ts';

type Values = (string | null)[];

/**
 * Orders the rows of a table that references itself so that every referenced row comes before the
 * rows referencing it (parents before children), as inserts with immediate foreign keys need.
 * Values are compared in their text form, which is exact for equal types. A foreign key with a
 * NULL in any of its columns references nothing (MATCH SIMPLE).
 */
export function orderTreeRows(
  table: Pick<TableInfo, 'columns' | 'selfReferences'>,
  rows: readonly Values[],
): Values[] {
  const index = (name: string) => table.columns.findIndex((c) => c.name === name);
  const refs = table.selfReferences.map((r) => ({
    cols: r.columns.map(index),
    refCols: r.referencedColumns.map(index),
  }));
  const key = (row: Values, cols: number[]): string | null => {
    const vals = cols.map((i) => (i < 0 ? null : (row[i] ?? null)));
    return vals.some((v) => v === null) ? null : JSON.stringify(vals);
  };
  const lookups = refs.map((r) => {
    const m = new Map<string, number>();
    rows.forEach((row, i) => {
      const k = key(row, r.refCols);
      if (k !== null) m.set(k, i);
    });
    return m;
  });
  const parentsOf = (i: number): number[] => {
    const out: number[] = [];
    refs.forEach((r, n) => {
      const k = key(rows[i]!, r.cols);
      const p = k === null ? undefined : lookups[n]!.get(k);
      if (p !== undefined && p !== i) out.push(p);
    });
    return out;
  };

  // Iterative depth-first walk (trees may be deep): emit a row once all its parents are out.
  const done = new Uint8Array(rows.length);
  const out: Values[] = [];
  for (let start = 0; start < rows.length; start++) {
    if (done[start]) continue;
    const stack: { i: number; parents: number[] }[] = [{ i: start, parents: parentsOf(start) }];
    done[start] = 1; // 1 = on the stack, 2 = emitted
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const next = top.parents.pop();
      if (next === undefined) {
        stack.pop();
        done[top.i] = 2;
        out.push(rows[top.i]!);
      } else if (!done[next]) {
        done[next] = 1;
        stack.push({ i: next, parents: parentsOf(next) });
      }
      // A parent already on the stack is a cycle, which immediate foreign keys cannot hold; skip it.
    }
  }
  return out;
}
