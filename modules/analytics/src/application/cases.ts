import type { ServiceRegistry } from '@zemstvo/catalog';
import { badRequest, municipalTimeZone, type Ctx, type LocalizedText } from '@zemstvo/kernel';
import { resolveSlice, type Bucket, type FilterInput } from '../domain/filters.ts';
import { casesRepo } from '../infra/cases.repository.ts';
import { labelsOf } from './labels.ts';

export interface CasesInput extends FilterInput {
  bucket?: Bucket | undefined;
  minDays?: number | undefined;
  maxDays?: number | undefined;
  page: number;
  limit: number;
}

export interface CaseItem {
  id: string;
  regNumber: string | null;
  receivedAt: Date;
  category: { code: string; title: LocalizedText };
  theme: { code: string; title: LocalizedText } | null;
  district: string | null;
  status: string;
  answerDue: string | null;
  closedAt: Date | null;
  executor: { key: string; name: string } | null;
  rating: number | null;
}

export interface CasesPage {
  total: number;
  page: number;
  limit: number;
  items: CaseItem[];
}

/** Drill-down: the cases behind a slice of the dashboard (a bar, a row, a tile), newest first. */
export async function listCases(ctx: Ctx, registry: ServiceRegistry, input: CasesInput): Promise<CasesPage> {
  const m = ctx.tenant!.municipalityId;
  if (input.minDays !== undefined && input.maxDays !== undefined && input.minDays >= input.maxDays)
    throw badRequest('bad_range', 'minDays must be below maxDays', {
      minDays: input.minDays,
      maxDays: input.maxDays,
    });
  const slice = {
    ...resolveSlice(input, ctx.clock.now(), municipalTimeZone(ctx)),
    bucket: input.bucket ?? 'all',
    minDays: input.minDays ?? null,
    maxDays: input.maxDays ?? null,
  };
  const labels = labelsOf(registry);
  const total = await casesRepo.count(ctx.tx, m, slice);
  const rows = await casesRepo.page(ctx.tx, m, slice, input.limit, (input.page - 1) * input.limit);
  return {
    total,
    page: input.page,
    limit: input.limit,
    items: rows.map((r) => ({
      id: r.id,
      regNumber: r.regNumber,
      receivedAt: r.receivedAt,
      category: { code: r.category, title: labels.category(r.category) },
      theme: r.theme ? { code: r.theme, title: labels.theme(r.theme) } : null,
      district: r.district,
      status: r.status,
      answerDue: r.answerDue,
      closedAt: r.closedAt,
      executor: r.executor ? { key: r.executor, name: r.executorName ?? r.executor } : null,
      rating: r.rating,
    })),
  };
}
