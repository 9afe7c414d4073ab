import { russianProductionCalendar, WorkingCalendar, type CalendarYear } from '@zemstvo/calendar';

/**
 * Production calendars of the years the St. Petersburg data set covers (the platform's calendar
 * package starts with 2025). Days off are Monday–Friday dates only, as in `CalendarYear`.
 */
export const ru2020: CalendarYear = {
  year: 2020,
  status: 'official',
  source:
    'Постановление Правительства РФ от 10.07.2019 № 875; нерабочие дни — Указы Президента РФ от 25.03.2020 № 206, ' +
    'от 02.04.2020 № 239, от 28.04.2020 № 294, от 29.05.2020 № 345, от 01.06.2020 № 354',
  daysOff: [
    '2020-01-01',
    '2020-01-02',
    '2020-01-03',
    '2020-01-06',
    '2020-01-07',
    '2020-01-08',
    '2020-02-24', // moved from Sunday 23 February
    '2020-03-09', // moved from Sunday 8 March
    // Non-working days with pay (COVID-19): 30 March – 8 May.
    '2020-03-30',
    '2020-03-31',
    '2020-04-01',
    '2020-04-02',
    '2020-04-03',
    '2020-04-06',
    '2020-04-07',
    '2020-04-08',
    '2020-04-09',
    '2020-04-10',
    '2020-04-13',
    '2020-04-14',
    '2020-04-15',
    '2020-04-16',
    '2020-04-17',
    '2020-04-20',
    '2020-04-21',
    '2020-04-22',
    '2020-04-23',
    '2020-04-24',
    '2020-04-27',
    '2020-04-28',
    '2020-04-29',
    '2020-04-30',
    '2020-05-01',
    '2020-05-04',
    '2020-05-05',
    '2020-05-06',
    '2020-05-07',
    '2020-05-08',
    '2020-05-11', // moved from Saturday 9 May
    '2020-06-12',
    '2020-06-24', // Victory Parade
    '2020-07-01', // vote on the amendments to the Constitution
    '2020-11-04',
  ],
  workingWeekends: [],
  shortDays: ['2020-04-30', '2020-05-08', '2020-06-11', '2020-11-03', '2020-12-31'],
};

export const ru2021: CalendarYear = {
  year: 2021,
  status: 'official',
  source:
    'Постановление Правительства РФ от 10.10.2020 № 1648; нерабочие дни — Указы Президента РФ от 23.04.2021 № 242, ' +
    'от 20.10.2021 № 595',
  daysOff: [
    '2021-01-01',
    '2021-01-04',
    '2021-01-05',
    '2021-01-06',
    '2021-01-07',
    '2021-01-08',
    '2021-02-22', // moved from Saturday 20 February
    '2021-02-23',
    '2021-03-08',
    '2021-05-03', // 1 May is a Saturday
    '2021-05-04',
    '2021-05-05',
    '2021-05-06',
    '2021-05-07', // non-working days by decree
    '2021-05-10', // 9 May is a Sunday
    '2021-06-14', // 12 June is a Saturday
    '2021-11-01',
    '2021-11-02',
    '2021-11-03', // non-working days by decree
    '2021-11-04',
    '2021-11-05', // moved from Saturday 2 January
    '2021-12-31', // moved from Sunday 3 January
  ],
  workingWeekends: ['2021-02-20'],
  shortDays: ['2021-02-20', '2021-04-30', '2021-06-11', '2021-11-03'],
};

/** Russian working days from 2020 on (2022–2024 fall back to plain weekends). */
export const historicalRussianCalendar = (): WorkingCalendar =>
  new WorkingCalendar([ru2020, ru2021, ...russianProductionCalendar]);
