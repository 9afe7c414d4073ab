/**
 * Dates as GeoReport v2 wants them: the W3C profile of ISO 8601 with a timezone (`Z` or `±hh:mm`),
 * e.g. `2026-03-01T10:00:00+03:00`. A bare date (`2026-03-01`) is read as midnight UTC.
 */
const W3_DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-](\d{2}):(\d{2})))?$/;

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The instant a W3C datetime names, or null when it is not one (including impossible dates). */
export function parseW3DateTime(text: string): Date | null {
  const m = W3_DATETIME_RE.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [hour, minute, second] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const [offH, offM] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || offH > 14 || offM > 59) return null;
  const millis = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const sign = m[8]?.startsWith('-') ? -1 : 1;
  const offsetMinutes = m[8] && m[8] !== 'Z' ? sign * (offH * 60 + offM) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
  return new Date(utc);
}

function offsetOf(instant: Date, timeZone: string): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}:\d{2})/.exec(name);
  return m ? m[1]! : '+00:00';
}

/** The instant in the municipality's local time with its offset, e.g. `2026-03-01T13:00:00+03:00`. */
export function formatW3DateTime(instant: Date, timeZone: string): string {
  const offset = offsetOf(instant, timeZone);
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const local = new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 19);
  return `${local}${offset}`;
}

/**
 * The end of a due date (a calendar date, `YYYY-MM-DD`) in the municipality's local time: an answer
 * due on 2026-03-31 may come until 23:59:59 that day.
 */
export function endOfLocalDay(date: string, timeZone: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  return `${date}T23:59:59${offsetOf(noon, timeZone)}`;
}
