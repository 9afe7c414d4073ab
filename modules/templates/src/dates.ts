import type { Locale } from '@zemstvo/kernel';

/** Municipal documents are dated in the municipality's time zone (Moscow time by default). */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function ymd(value: Date | string, timeZone: string): [number, number, number] | null {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(value);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return [get('year'), get('month'), get('day')];
}

/**
 * The date as letters print it: `05.03.2026` in Russian (GOST R 7.0.97), `5 March 2026` in English.
 * Takes a Date (an instant, shown in `timeZone`) or a calendar date `YYYY-MM-DD`; other strings
 * come back unchanged.
 */
export function formatLetterDate(value: Date | string, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const d = ymd(value, timeZone);
  if (!d) return String(value);
  const [y, m, day] = d;
  return locale === 'ru'
    ? `${String(day).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`
    : `${day} ${EN_MONTHS[m - 1]} ${y}`;
}

/** Date and time of a signature: `05.03.2026 14:30 (MSK)`-like, in the given time zone. */
export function formatStampTime(at: Date, locale: Locale, timeZone = DEFAULT_TIME_ZONE): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at);
  const zone = timeZone === 'Europe/Moscow' ? (locale === 'ru' ? 'МСК' : 'MSK') : timeZone;
  return `${formatLetterDate(at, locale, timeZone)} ${time} (${zone})`;
}
