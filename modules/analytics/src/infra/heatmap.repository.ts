import type { Sql } from '@zemstvo/kernel';
import type { Slice } from '../domain/filters.ts';
import { fromCases, Params, sliceWhere } from './slice.repository.ts';

export interface CellRow {
  lat: number;
  lon: number;
  n: number;
}

export const heatmapRepo = {
  /** Cases with a place, counted per grid cell of `cell` degrees (centre of the cell), densest first. */
  async cells(sql: Sql, municipalityId: string, s: Slice, cell: number, limit: number): Promise<CellRow[]> {
    const p = new Params();
    const m = p.add(municipalityId);
    const where = sliceWhere(p, m, s);
    const c = p.add(cell);
    return sql.query<CellRow>(
      `SELECT ((floor(a.lat / ${c}::float8) + 0.5) * ${c}::float8)::float8 AS lat,
          ((floor(a.lon / ${c}::float8) + 0.5) * ${c}::float8)::float8 AS lon, count(*)::int AS n
        ${fromCases(m)}
        WHERE ${where} AND a.lat IS NOT NULL AND a.lon IS NOT NULL
        GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ${p.add(limit)}`,
      p.values,
    );
  },
};
