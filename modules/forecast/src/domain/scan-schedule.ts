import { addDays, localDate, parseIsoDate, type IsoDate } from '@zemstvo/calendar';

/** The daily spike scan runs early in the municipality's morning, before the office day. */
export const SCAN_HOUR = 6;

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
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return asUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/** The instant of `hour`:00 on a local date of a time zone. */
export function localTime(date: IsoDate, hour: number, timeZone: string): Date {
  const { y, m, day } = parseIsoDate(date);
  const guess = new Date(Date.UTC(y, m - 1, day, hour));
  return new Date(guess.getTime() - zoneOffsetMs(guess, timeZone));
}

/** The next scan: the first SCAN_HOUR o'clock strictly after `now`, and its local date. */
export function nextScan(now: Date, timeZone: string): { date: IsoDate; at: Date } {
  const today = localDate(now, timeZone);
  const at = localTime(today, SCAN_HOUR, timeZone);
  if (at.getTime() > now.getTime()) return { date: today, at };
  const date = addDays(today, 1);
  return { date, at: localTime(date, SCAN_HOUR, timeZone) };
}
