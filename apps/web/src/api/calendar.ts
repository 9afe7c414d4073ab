/** The working calendar API (modules/appeals/src/http/calendar-routes.ts). */

export interface CalendarOverride {
  date: string;
  kind: 'off' | 'working';
  note: string;
  updatedBy: string | null;
  updatedAt: string;
}

export interface CalendarYear {
  year: number;
  /** False: the shipped production calendar does not know this year; it is projected (Art. 112 TK RF). */
  covered: boolean;
  workingDays: number;
  /** Monday–Friday days not worked (holidays, transferred days off, overrides). */
  daysOff: string[];
  /** Saturdays and Sundays that are worked (transfers, overrides). */
  workingWeekends: string[];
  overrides: CalendarOverride[];
}

export const calendarPath = (year: number) => `/api/calendar?year=${year}`;
export const overridePath = (date: string) => `/api/calendar/overrides/${encodeURIComponent(date)}`;
