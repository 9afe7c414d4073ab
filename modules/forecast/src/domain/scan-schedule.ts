import { addDays, localDate, localInstant, type IsoDate } from '@zemstvo/calendar';

/** The daily spike scan runs early in the municipality's morning, before the office day. */
export const SCAN_HOUR = 6;

/** The next scan: the first SCAN_HOUR o'clock strictly after `now`, and its local date. */
export function nextScan(now: Date, timeZone: string): { date: IsoDate; at: Date } {
  const today = localDate(now, timeZone);
  const at = localInstant(today, { hour: SCAN_HOUR }, timeZone);
  if (at.getTime() > now.getTime()) return { date: today, at };
  const date = addDays(today, 1);
  return { date, at: localInstant(date, { hour: SCAN_HOUR }, timeZone) };
}
