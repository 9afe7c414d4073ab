/**
 * Dates and times in the interface language. A legal due date is a calendar day (`2026-03-15`)
 * with no time zone: it is shown as that day, never shifted by the browser's zone.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDate(value: string, language: string, style: 'long' | 'medium' = 'long'): string {
  const day = DAY.exec(value);
  const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const zone = day ? { timeZone: 'UTC' } : {};
  return new Intl.DateTimeFormat(language, { dateStyle: style, ...zone }).format(date);
}

/** A moment; `short` (02.03.2026, 14:05) for tables, `medium` elsewhere. */
export function formatDateTime(
  value: string,
  language: string,
  style: 'medium' | 'short' = 'medium',
): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(language, { dateStyle: style, timeStyle: 'short' }).format(date);
}

/** Whole calendar days from `today` to the due day (negative when overdue). */
export function daysUntil(due: string, today: Date): number {
  const day = DAY.exec(due.slice(0, 10));
  if (!day) return Number.NaN;
  const dueUtc = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
  const todayUtc = Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());
  return Math.round((dueUtc - todayUtc) / 86_400_000);
}
