import { addDays, type IsoDate, type WorkingCalendar } from '@zemstvo/calendar';

/** Reminders and escalations arrive at the start of the office day, in the municipality's time zone. */
export const OFFICE_MORNING = { hour: 9, minute: 0 };

/**
 * The working day `n` working days before `due` (n = 0: `due` itself, or the working day before it
 * when `due` is a day off). A reminder three working days before Monday comes on the Wednesday before.
 */
export function workingDaysBefore(calendar: WorkingCalendar, due: IsoDate, n: number): IsoDate {
  let d = calendar.onOrBefore(due);
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (calendar.isWorkingDay(d)) left--;
  }
  return d;
}

/** The offset of a time zone from UTC at an instant, in milliseconds (Moscow: +3 h). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a wall-clock time on a local date in a time zone (09:00 on 2026-03-02 in Moscow → 06:00Z). */
export function localInstant(date: IsoDate, time: { hour: number; minute: number }, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, time.hour, time.minute);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** When to remind the executor: the morning `n` working days before the due date. */
export function reminderTime(calendar: WorkingCalendar, due: IsoDate, n: number, timeZone: string): Date {
  return localInstant(workingDaysBefore(calendar, due, n), OFFICE_MORNING, timeZone);
}

/** When an assignment is overdue and goes to the head: the morning after its due date. */
export function escalationTime(due: IsoDate, timeZone: string): Date {
  return localInstant(addDays(due, 1), OFFICE_MORNING, timeZone);
}
