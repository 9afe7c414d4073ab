import { addDays, daysBetween, type IsoDate } from './dates.ts';
import type { WorkingCalendar } from './working-calendar.ts';

/**
 * A deadline rule: how many days from which event, counted in calendar or working days, and where
 * a calendar-day deadline that lands on a day off moves. Rules are data (applied-service packages
 * declare which they use); every computed deadline stores the rule's code and version.
 */
export interface DeadlineRule {
  code: string;
  version: number;
  days: number;
  unit: 'calendar' | 'working';
  /**
   * For calendar days: a deadline on a day off moves to the previous working day (the rule of
   * Russian office-work instructions: «если последний день срока приходится на нерабочий день,
   * документ исполняется в предшествующий ему рабочий день»), to the next one, or stays.
   */
  rollover: 'previous' | 'next' | 'none';
  /** The legal source, cited to the article. */
  source: string;
  title: { ru: string; en: string };
}

export interface ComputedDeadline {
  due: IsoDate;
  ruleCode: string;
  ruleVersion: number;
}

/**
 * The due date of `rule` for an event on `start`. The period starts the day after the event (Civil
 * Code Art. 191): registration on 10 January + 30 calendar days = 9 February.
 */
export function computeDeadline(
  rule: DeadlineRule,
  start: IsoDate,
  calendar: WorkingCalendar,
): ComputedDeadline {
  if (!Number.isInteger(rule.days) || rule.days < 0)
    throw new Error(`Rule ${rule.code}: days must be a whole number ≥ 0`);
  let due: IsoDate;
  if (rule.unit === 'working')
    due = rule.days === 0 ? calendar.onOrAfter(start) : calendar.addWorkingDays(start, rule.days);
  else {
    const raw = addDays(start, rule.days);
    due =
      rule.rollover === 'previous'
        ? calendar.onOrBefore(raw)
        : rule.rollover === 'next'
          ? calendar.onOrAfter(raw)
          : raw;
    // Never earlier than the event itself (a 0–1 day period over a holiday run rolls forward instead).
    if (due < start) due = calendar.onOrAfter(start);
  }
  return { due, ruleCode: rule.code, ruleVersion: rule.version };
}

export class DeadlineExtensionError extends Error {
  constructor(
    readonly code: 'extension_too_long' | 'already_extended' | 'bad_extension',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Extends a deadline once by at most `maxDays` calendar days (59-FZ Art. 12 p.2: "не более чем на
 * 30 дней", with notice to the citizen). The new date obeys the rule's rollover, but never moves past
 * `due + maxDays`.
 */
export function extendDeadline(
  rule: DeadlineRule,
  current: { due: IsoDate; extensions: number },
  days: number,
  calendar: WorkingCalendar,
  maxDays = 30,
  maxExtensions = 1,
): ComputedDeadline {
  if (current.extensions >= maxExtensions)
    throw new DeadlineExtensionError(
      'already_extended',
      `The deadline may be extended only ${maxExtensions} time(s)`,
    );
  if (!Number.isInteger(days) || days < 1)
    throw new DeadlineExtensionError('bad_extension', 'Extend by a whole number of days ≥ 1');
  if (days > maxDays)
    throw new DeadlineExtensionError(
      'extension_too_long',
      `The deadline may be extended by at most ${maxDays} days`,
    );
  const raw = addDays(current.due, days);
  let due = rule.rollover === 'next' ? calendar.onOrAfter(raw) : calendar.onOrBefore(raw);
  if (rule.rollover === 'none') due = raw;
  if (daysBetween(current.due, due) > maxDays) due = calendar.onOrBefore(addDays(current.due, maxDays));
  if (due < current.due) due = current.due;
  return { due, ruleCode: rule.code, ruleVersion: rule.version };
}
