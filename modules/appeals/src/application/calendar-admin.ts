import { writeAudit } from '@zemstvo/audit';
import { addDays, isIsoDate, weekday, type IsoDate } from '@zemstvo/calendar';
import { actorUserId, badRequest, forbidden, notFound, type Ctx } from '@zemstvo/kernel';
import { calendarRepo, loadWorkingCalendar, type CalendarOverrideRow } from '../infra/calendar.repository.ts';

export interface EffectiveCalendar {
  year: number;
  /** Whether the federal production calendar of this year is known (else: plain weekends). */
  covered: boolean;
  workingDays: number;
  /** Monday–Friday days that are not worked (holidays, transferred days off, overrides). */
  daysOff: IsoDate[];
  /** Saturdays and Sundays that are worked (transfers, overrides). */
  workingWeekends: IsoDate[];
  overrides: CalendarOverrideRow[];
}

/** The calendar every deadline uses, for one year: the federal calendar with the operator's overrides. */
export async function effectiveCalendar(ctx: Ctx, year: number): Promise<EffectiveCalendar> {
  const cal = await loadWorkingCalendar(ctx.tx);
  const out: EffectiveCalendar = {
    year,
    covered: cal.covers(`${year}-01-01`),
    workingDays: 0,
    daysOff: [],
    workingWeekends: [],
    overrides: await calendarRepo.list(ctx.tx, year),
  };
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const weekend = weekday(d) === 0 || weekday(d) === 6;
    const working = cal.isWorkingDay(d);
    if (working) out.workingDays++;
    if (!weekend && !working) out.daysOff.push(d);
    if (weekend && working) out.workingWeekends.push(d);
  }
  return out;
}

function requireOperator(ctx: Ctx): void {
  if (ctx.actor.kind !== 'user' || ctx.actor.userKind !== 'operator')
    throw forbidden('Only platform operators edit the calendar');
}

function checkDate(date: string): void {
  if (!isIsoDate(date)) throw badRequest('bad_date', `Not a date: ${date}`);
}

/** An operator marks a day off (a regional holiday) or a working day (a worked Saturday). Audited on the platform chain. */
export async function setCalendarOverride(
  ctx: Ctx,
  input: { date: IsoDate; kind: 'off' | 'working'; note: string },
): Promise<CalendarOverrideRow> {
  requireOperator(ctx);
  checkDate(input.date);
  const before = await calendarRepo.get(ctx.tx, input.date);
  await calendarRepo.upsert(ctx.tx, { ...input, updatedBy: actorUserId(ctx.actor) }, ctx.clock.now());
  const after = (await calendarRepo.get(ctx.tx, input.date))!;
  await writeAudit(ctx, {
    action: before ? 'calendar.override_changed' : 'calendar.override_added',
    entity: 'calendar_override',
    entityId: input.date,
    before: before ? { kind: before.kind, note: before.note } : undefined,
    after: { kind: after.kind, note: after.note },
    municipalityId: null,
  });
  return after;
}

export async function removeCalendarOverride(ctx: Ctx, date: IsoDate): Promise<void> {
  requireOperator(ctx);
  checkDate(date);
  const before = await calendarRepo.get(ctx.tx, date);
  if (!before || !(await calendarRepo.remove(ctx.tx, date)))
    throw notFound(`Calendar override ${date}`, 'override_not_found');
  await writeAudit(ctx, {
    action: 'calendar.override_removed',
    entity: 'calendar_override',
    entityId: date,
    before: { kind: before.kind, note: before.note },
    municipalityId: null,
  });
}
