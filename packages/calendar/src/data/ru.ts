import type { CalendarYear } from './types.ts';

/** Russian Federation, 2025: Government Decree of 04.10.2024 No. 1335 "О переносе выходных дней в 2025 году". */
export const ru2025: CalendarYear = {
  year: 2025,
  status: 'official',
  source: 'Постановление Правительства РФ от 04.10.2024 № 1335; ст. 112 ТК РФ',
  daysOff: [
    '2025-01-01',
    '2025-01-02',
    '2025-01-03',
    '2025-01-06',
    '2025-01-07',
    '2025-01-08',
    '2025-05-01',
    '2025-05-02', // 2 May: moved from Saturday 4 January
    '2025-05-08', // moved from Sunday 23 February
    '2025-05-09',
    '2025-06-12',
    '2025-06-13', // 13 June: moved from Saturday 8 March
    '2025-11-03', // moved from Saturday 1 November
    '2025-11-04',
    '2025-12-31', // moved from Sunday 5 January
  ],
  workingWeekends: ['2025-11-01'],
  shortDays: ['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01'],
};

/** Russian Federation, 2026: Government Decree of September 2025 on moving days off in 2026. */
export const ru2026: CalendarYear = {
  year: 2026,
  status: 'official',
  source:
    'Постановление Правительства РФ о переносе выходных дней в 2026 году (сентябрь 2025); ст. 112 ТК РФ',
  daysOff: [
    '2026-01-01',
    '2026-01-02',
    '2026-01-05',
    '2026-01-06',
    '2026-01-07',
    '2026-01-08',
    '2026-01-09', // moved from Saturday 3 January
    '2026-02-23',
    '2026-03-09', // 8 March is a Sunday: Art. 112 moves the day off to Monday
    '2026-05-01',
    '2026-05-11', // 9 May is a Saturday: Art. 112 moves the day off to Monday
    '2026-06-12',
    '2026-11-04',
    '2026-12-31', // moved from Sunday 4 January
  ],
  workingWeekends: [],
  shortDays: ['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03'],
};

/**
 * Russian Federation, 2027: projected by Art. 112 (weekend holidays move to the next working day)
 * and the Ministry of Labour's published draft (4–7 November off, Saturday 13 November worked).
 * The weekend January holidays (2 and 3 January) await the Government's decree: an operator
 * confirms or edits this year in the calendar admin when the decree is published.
 */
export const ru2027: CalendarYear = {
  year: 2027,
  status: 'draft',
  source: 'Проект: ст. 112 ТК РФ и проект постановления Минтруда о переносе выходных дней в 2027 году',
  daysOff: [
    '2027-01-01',
    '2027-01-04',
    '2027-01-05',
    '2027-01-06',
    '2027-01-07',
    '2027-01-08',
    '2027-02-23',
    '2027-03-08',
    '2027-05-03', // 1 May is a Saturday
    '2027-05-10', // 9 May is a Sunday
    '2027-06-14', // 12 June is a Saturday
    '2027-11-04',
    '2027-11-05', // draft: moved from Saturday 13 November
    '2027-12-31', // draft: expected transfer of a January weekend holiday
  ],
  workingWeekends: ['2027-11-13'],
  shortDays: ['2027-02-22', '2027-03-05', '2027-04-30', '2027-06-11', '2027-11-03'],
};

export const russianProductionCalendar: readonly CalendarYear[] = [ru2025, ru2026, ru2027];
