import { writeAudit } from '@zemstvo/audit';
import { addDays, type IsoDate } from '@zemstvo/calendar';
import { changeDocumentStatus, documentsRepo, recordEvent } from '@zemstvo/documents';
import type { Ctx } from '@zemstvo/kernel';
import { spikesRepo, type SpikeEndAction } from '../infra/spikes.repository.ts';
import type { DayBand } from '../spikes.ts';

/**
 * Complete days in a row at or below the upper end of the forecast's band after which a spike is
 * over. Three: a spike from one event (a storm, a burst main, a missed collection round) keeps
 * bringing appeals for a day or two after it, so one or two quiet days are not yet the end; the
 * band follows the day profile (a quiet Sunday is judged against a Sunday's expectation), so three
 * ordinary days say the volume is back whatever the weekdays; and the scan looks at the last seven
 * days (today's partial count is never one of them), so three complete days fit even when a
 * morning's scan was missed.
 */
export const SPIKE_OVER_DAYS = 3;

/** The document statuses in which nobody has taken the signal into work yet. */
const UNTOUCHED = new Set(['received', 'registered']);

export interface SpikeEnded {
  key: string;
  day: IsoDate;
  document_id: string;
  /** The last of the SPIKE_OVER_DAYS normal days. */
  ended_on: IsoDate;
  /** closed: the signal was closed; noted: «всплеск завершился» in its history; none: staff had closed it. */
  action: SpikeEndAction;
}

/**
 * Finds the open spikes of the municipality that are over — their group's last SPIKE_OVER_DAYS
 * complete days (before `today`) all within the band and no spike today — and records it on the
 * signal through the document flow: an untouched signal is closed (history step
 * `spike_over_closed`, audit `document.spike_over_closed`); one that staff took into work gets the
 * history note `spike_over` instead and keeps its status. Each writes `forecast.spike_ended`.
 */
export async function endSpikes(
  ctx: Ctx,
  input: {
    today: IsoDate;
    bands: ReadonlyMap<string, readonly DayBand[]>;
    spikingToday: ReadonlySet<string>;
  },
): Promise<SpikeEnded[]> {
  const m = ctx.tenant!.municipalityId;
  const first = addDays(input.today, -SPIKE_OVER_DAYS);
  const last = addDays(input.today, -1);
  const ended: SpikeEnded[] = [];
  for (const spike of await spikesRepo.open(ctx.tx, m)) {
    if (spike.day >= first || input.spikingToday.has(spike.groupKey)) continue;
    const days = (input.bands.get(spike.groupKey) ?? []).filter((b) => b.period >= first && b.period <= last);
    if (days.length < SPIKE_OVER_DAYS || days.some((b) => b.count > b.hi)) continue;
    // Locked: a resolution written meanwhile waits, and the signal is never closed under it.
    const doc = await documentsRepo.getForUpdate(ctx.tx, m, spike.documentId);
    if (!doc) continue;
    const action: SpikeEndAction = UNTOUCHED.has(doc.status)
      ? 'closed'
      : doc.status === 'closed'
        ? 'none'
        : 'noted';
    const end = { endedOn: last, action, at: ctx.clock.now() };
    // A concurrent scan that recorded it first wins; this one leaves the document alone.
    if (!(await spikesRepo.markEnded(ctx.tx, m, spike, end))) continue;
    const data = { day: spike.day, normalDays: SPIKE_OVER_DAYS, endedOn: last };
    if (action === 'closed') await changeDocumentStatus(ctx, doc.id, 'closed', 'spike_over_closed', data);
    if (action === 'noted') await recordEvent(ctx, doc.id, 'spike_over', data);
    await writeAudit(ctx, {
      action: 'forecast.spike_ended',
      entity: 'document',
      entityId: doc.id,
      before: { status: doc.status },
      after: { group: spike.groupKey, ...data, action },
    });
    ended.push({ key: spike.groupKey, day: spike.day, document_id: doc.id, ended_on: last, action });
  }
  return ended;
}
