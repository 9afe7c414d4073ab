export * from './dates.ts';
export * from './working-calendar.ts';
export * from './deadlines.ts';
export * from './fz59.ts';
export type { CalendarYear } from './data/types.ts';
export { russianProductionCalendar, ru2025, ru2026, ru2027 } from './data/ru.ts';
export { projectedRussianYear } from './data/ru-projected.ts';
export { russianWorkingCalendar } from './russian-calendar.ts';
