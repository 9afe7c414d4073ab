import { addDays, localInstant, type IsoDate, type WorkingCalendar } from '@zemstvo/calendar';

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

/** When to remind the executor: the morning `n` working days before the due date. */
export function reminderTime(calendar: WorkingCalendar, due: IsoDate, n: number, timeZone: string): Date {
  return localInstant(workingDaysBefore(calendar, due, n), OFFICE_MORNING, timeZone);
}

/** When an assignment is overdue and goes to the head: the morning after its due date. */
export function escalationTime(due: IsoDate, timeZone: string): Date {
  return localInstant(addDays(due, 1), OFFICE_MORNING, timeZone);
}
