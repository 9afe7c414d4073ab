import { municipalTimeZone, type Ctx } from '@zemstvo/kernel';
import { resolveSlice, type FilterInput } from '../domain/filters.ts';
import { round } from '../domain/metrics.ts';
import { heatmapRepo } from '../infra/heatmap.repository.ts';

/** At most this many cells are returned (the densest): the map stays light at any data size. */
export const MAX_CELLS = 5000;
export const DEFAULT_CELL_DEGREES = 0.01;

export interface HeatmapInput extends FilterInput {
  cell?: number | undefined;
}

export interface Heatmap {
  cellDegrees: number;
  cells: { lat: number; lon: number; n: number }[];
  total: number;
  max: number;
  truncated: boolean;
}

/** The slice's cases with a place, aggregated on a grid of `cell` degrees. */
export async function heatmap(ctx: Ctx, input: HeatmapInput): Promise<Heatmap> {
  const slice = resolveSlice(input, ctx.clock.now(), municipalTimeZone(ctx));
  const cell = input.cell ?? DEFAULT_CELL_DEGREES;
  const rows = await heatmapRepo.cells(ctx.tx, ctx.tenant!.municipalityId, slice, cell, MAX_CELLS + 1);
  const cells = rows.slice(0, MAX_CELLS).map((r) => ({ lat: round(r.lat, 6), lon: round(r.lon, 6), n: r.n }));
  return {
    cellDegrees: cell,
    cells,
    total: cells.reduce((s, c) => s + c.n, 0),
    max: cells[0]?.n ?? 0,
    truncated: rows.length > MAX_CELLS,
  };
}
