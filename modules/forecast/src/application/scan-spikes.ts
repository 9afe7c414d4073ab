import { writeAudit } from '@zemstvo/audit';
import { addDays, localDate, type IsoDate } from '@zemstvo/calendar';
import type { ServiceRegistry } from '@zemstvo/catalog';
import { submitSignal } from '@zemstvo/documents';
import { badRequest, type Ctx } from '@zemstvo/kernel';
import { historicalRussianCalendar } from '../calendar-history.ts';
import { weekStart } from '../days.ts';
import { forecastRepo } from '../infra/forecast.repository.ts';
import { spikesRepo } from '../infra/spikes.repository.ts';
import { DEFAULT_SPIKE_OPTIONS, recentDayBands, spikesOfBands, type Spike } from '../spikes.ts';
import { endSpikes, type SpikeEnded } from './end-spikes.ts';
import { groupKey } from './series.ts';
import { spikeText } from './spike-text.ts';
import { categoryLabel, departmentCodeFor, departmentsByCode, installedServices } from './service-groups.ts';

/** Weeks of history the spike model is fitted on. */
export const SPIKE_HISTORY_WEEKS = 26;
/** The monitoring-signal source of spike documents (their event id: `spike:<service>.<category>:<day>`). */
export const SPIKE_SIGNAL_SOURCE = 'forecast';

export interface SpikeFound {
  key: string;
  service: string;
  category: string;
  day: IsoDate;
  observed: number;
  expected: number;
  upper_bound: number;
  department: string | null;
  document_id: string;
  /** True when this scan opened the document; false when an earlier scan had. */
  opened: boolean;
}

export interface ScanResult {
  scanned_groups: number;
  opened: number;
  spikes: SpikeFound[];
  /** Open spikes this scan found over (their signals closed or noted). */
  ended: SpikeEnded[];
}

/** Where the forecast of a municipality is in the web app (the signal links there). */
export const forecastPath = (slug: string): string => `/workspace/${slug}/forecast`;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Looks for spikes of incoming appeals per category in the last days (a day far above the upper
 * end of the 99 % interval of its forecast and by at least three appeals) and opens a monitoring
 * signal document (start event 4) for each new one, addressed to the department the category's
 * package routes it to. A spike opens one document however often this runs: the spike table and
 * the signal intake are both keyed by the group and the day. Then it records the open spikes that
 * are over (`endSpikes`): their signals are closed, or noted when staff took them into work.
 */
export async function scanSpikes(
  ctx: Ctx,
  registry: ServiceRegistry,
  publicUrl: string,
): Promise<ScanResult> {
  if (!ctx.tenant) throw badRequest('tenant_required', 'The spike scan needs a municipality');
  const tenant = ctx.tenant;
  const m = tenant.municipalityId;
  const now = ctx.clock.now();
  const timeZone = tenant.timeZone;
  const today = localDate(now, timeZone);
  const from = addDays(weekStart(today), -7 * SPIKE_HISTORY_WEEKS);
  const counts = await forecastRepo.dailyCounts(ctx.tx, m, {
    from,
    until: now,
    timeZone,
  });
  const groups = new Set(counts.map((c) => groupKey(c.service, c.category)));
  // The last seven days up to today (days without appeals count 0), with the band of each.
  const options = { ...DEFAULT_SPIKE_OPTIONS, calendar: historicalRussianCalendar(), until: today };
  const bands = recentDayBands(events(counts), options);
  const spikes = [...bands].flatMap(([group, b]) => spikesOfBands(group, b, options));
  spikes.sort((a, b) => b.score - a.score);
  const services = await installedServices(ctx, registry, m);
  const departments = await departmentsByCode(ctx, m);
  const split = new Map(counts.map((c) => [groupKey(c.service, c.category), c] as const));
  const found: SpikeFound[] = [];
  for (const s of spikes) {
    const known = split.get(s.group);
    if (!known) continue;
    const { service, category } = known;
    const installed = services.get(service);
    const code = departmentCodeFor(installed, category);
    const department = code ? departments.get(code) : undefined;
    const prior = await spikesRepo.get(ctx.tx, m, s.group, s.period);
    if (prior) {
      found.push(view(s, service, category, code, prior.documentId, false));
      continue;
    }
    const link = `${publicUrl.replace(/\/$/, '')}${forecastPath(tenant.slug)}`;
    const text = spikeText({
      spike: s,
      category: categoryLabel(installed, category),
      service: installed?.name ?? { ru: service, en: service },
      department: department ? { ru: department.nameRu, en: department.nameEn } : null,
      link,
    });
    const outcome = await submitSignal(ctx, {
      source: SPIKE_SIGNAL_SOURCE,
      eventId: `spike:${s.group}:${s.period}`,
      type: 'Всплеск обращений',
      severity: 'warning',
      text,
      observedAt: now,
      addressee: department?.nameRu,
    });
    const row = {
      groupKey: s.group,
      day: s.period,
      service,
      category,
      observed: s.count,
      expected: s.forecast,
      upperBound: s.hi,
      score: Number.isFinite(s.score) ? s.score : 1e6,
      departmentCode: code,
      documentId: outcome.document.id,
      detectedAt: now,
    };
    await spikesRepo.insert(ctx.tx, m, row);
    await writeAudit(ctx, {
      action: 'forecast.spike_detected',
      entity: 'document',
      entityId: outcome.document.id,
      after: { ...row, detectedAt: now.toISOString() },
    });
    found.push(view(s, service, category, code, outcome.document.id, true));
  }
  const spikingToday = new Set(spikes.filter((s) => s.period === today).map((s) => s.group));
  const ended = await endSpikes(ctx, { today, bands, spikingToday });
  const result = {
    scanned_groups: groups.size,
    opened: found.filter((f) => f.opened).length,
    spikes: found,
    ended,
  };
  await writeAudit(ctx, {
    action: 'forecast.spikes_scanned',
    entity: 'municipality',
    entityId: m,
    after: {
      groups: result.scanned_groups,
      spikes: found.length,
      opened: result.opened,
      ended: ended.length,
    },
  });
  return result;

  function view(
    s: Spike,
    service: string,
    category: string,
    code: string | null,
    documentId: string,
    opened: boolean,
  ): SpikeFound {
    return {
      key: s.group,
      service,
      category,
      day: s.period,
      observed: s.count,
      expected: round1(s.forecast),
      upper_bound: round1(s.hi),
      department: code,
      document_id: documentId,
      opened,
    };
  }
}

/** One event per appeal, as the spike finder takes them. */
function* events(counts: readonly { service: string; category: string; day: IsoDate; count: number }[]) {
  for (const c of counts) {
    const group = groupKey(c.service, c.category);
    for (let k = 0; k < c.count; k++) yield { date: c.day, group };
  }
}
