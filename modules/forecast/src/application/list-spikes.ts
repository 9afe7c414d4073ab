import type { ServiceRegistry } from '@zemstvo/catalog';
import { badRequest, type Ctx } from '@zemstvo/kernel';
import { spikesRepo, type SpikeEndAction } from '../infra/spikes.repository.ts';
import { categoryLabel, departmentsByCode, installedServices, type Localized } from './service-groups.ts';

export interface SpikeListItem {
  key: string;
  service: string;
  category: string;
  label: Localized;
  day: string;
  observed: number;
  expected: number;
  upper_bound: number;
  department: string | null;
  /** The department's name, when the municipality has a department with that code. */
  department_name: Localized | null;
  document_id: string;
  detected_at: Date;
  /** The last normal day after which a scan found the spike over; null while it lasts. */
  ended_on: string | null;
  /** What that scan did with the signal: closed it, noted the end in its history, or nothing. */
  end_action: SpikeEndAction | null;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The latest spikes found in the municipality, newest day first, with their signal documents. */
export async function listSpikes(
  ctx: Ctx,
  registry: ServiceRegistry,
  limit: number,
): Promise<{ items: SpikeListItem[] }> {
  if (!ctx.tenant) throw badRequest('tenant_required', 'Spikes need a municipality');
  const m = ctx.tenant.municipalityId;
  const services = await installedServices(ctx, registry, m);
  const rows = await spikesRepo.recent(ctx.tx, m, limit);
  const departments = await departmentsByCode(ctx, m);
  const department = (code: string | null): Localized | null => {
    const d = code ? departments.get(code) : undefined;
    return d ? { ru: d.nameRu, en: d.nameEn } : null;
  };
  return {
    items: rows.map((r) => ({
      key: r.groupKey,
      service: r.service,
      category: r.category,
      label: categoryLabel(services.get(r.service), r.category),
      day: r.day,
      observed: r.observed,
      expected: round1(r.expected),
      upper_bound: round1(r.upperBound),
      department: r.departmentCode,
      department_name: department(r.departmentCode),
      document_id: r.documentId,
      detected_at: r.detectedAt,
      ended_on: r.endedOn,
      end_action: r.endAction,
    })),
  };
}
