import { russianWorkingCalendar, type CalendarOverride, type WorkingCalendar } from '@zemstvo/calendar';
import { ReadCache, type Sql } from '@zemstvo/kernel';

export interface CalendarOverrideRow extends CalendarOverride {
  note: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/** The overrides are platform-wide (one key); every deadline computation reads them. */
const calendarCache = new ReadCache<WorkingCalendar>();
const CALENDAR_KEY = 'platform';

const COLS = `to_char(date, 'YYYY-MM-DD') AS date, kind, note, updated_by AS "updatedBy", updated_at AS "updatedAt"`;

/** The operator's overrides of the production calendar (platform-wide). */
export const calendarRepo = {
  async list(sql: Sql, year?: number): Promise<CalendarOverrideRow[]> {
    return year === undefined
      ? sql.query(`SELECT ${COLS} FROM calendar_overrides ORDER BY date`)
      : sql.query(
          `SELECT ${COLS} FROM calendar_overrides WHERE date >= make_date($1, 1, 1) AND date < make_date($1 + 1, 1, 1) ORDER BY date`,
          [year],
        );
  },
  async get(sql: Sql, date: string): Promise<CalendarOverrideRow | undefined> {
    const rows = await sql.query<CalendarOverrideRow>(
      `SELECT ${COLS} FROM calendar_overrides WHERE date = $1`,
      [date],
    );
    return rows[0];
  },
  async upsert(
    sql: Sql,
    o: { date: string; kind: 'off' | 'working'; note: string; updatedBy: string | null },
    now: Date,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO calendar_overrides (date, kind, note, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at`,
      [o.date, o.kind, o.note, o.updatedBy, now],
    );
    calendarCache.forget(sql, CALENDAR_KEY);
  },
  async remove(sql: Sql, date: string): Promise<boolean> {
    const rows = await sql.query('DELETE FROM calendar_overrides WHERE date = $1 RETURNING date', [date]);
    calendarCache.forget(sql, CALENDAR_KEY);
    return rows.length > 0;
  },
};

/**
 * The working calendar every deadline is computed with: the federal production calendar (a year it
 * does not know yet projected from Art. 112 TK RF) and the operator's overrides, read in the caller's transaction (a change applies to the next computation).
 */
export async function loadWorkingCalendar(sql: Sql): Promise<WorkingCalendar> {
  const overrides = await sql.query<CalendarOverride>(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM calendar_overrides`,
  );
  return russianWorkingCalendar(overrides);
}

/** `loadWorkingCalendar` through the per-process cache (see ReadCache for when a change is seen). */
export function cachedWorkingCalendar(sql: Sql): Promise<WorkingCalendar> {
  return calendarCache.get(sql, CALENDAR_KEY, () => loadWorkingCalendar(sql));
}
