import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '../../api/calendar.ts';
import { monthsOf, type CalendarDay, type DayKind } from './calendar-days.ts';

const KINDS: readonly DayKind[] = ['working', 'weekend', 'off', 'working-weekend'];

/** Monday … Sunday in the interface language (1 January 2024 was a Monday). */
function weekdayNames(language: string, style: 'short' | 'long'): string[] {
  const f = new Intl.DateTimeFormat(language, { weekday: style, timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

function DayCell({ day }: { day: CalendarDay }) {
  const { t } = useTranslation();
  const kind = t(`calendar.kind.${day.kind}`);
  const override = day.override
    ? `${t('calendar.overrideMark')}${day.override.note ? `: ${day.override.note}` : ''}`
    : '';
  return (
    <td className={`cal-day cal-${day.kind}${day.override ? ' cal-override' : ''}`} title={override || kind}>
      {day.day}
      {day.override && <span aria-hidden="true">*</span>}
      <span className="visually-hidden">
        {' '}
        — {kind}
        {override && `; ${override}`}
      </span>
    </td>
  );
}

/**
 * The year as twelve month tables, Monday first. Colour repeats what the words say: each day
 * carries its kind and the operator's note as text for screen readers and as a tooltip.
 */
export function MonthGrids({ calendar }: { calendar: CalendarYear }) {
  const { t, i18n } = useTranslation();
  const short = weekdayNames(i18n.language, 'short');
  const long = weekdayNames(i18n.language, 'long');
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  return (
    <section aria-label={t('calendar.months', { year: calendar.year })}>
      <ul className="cal-legend" aria-label={t('calendar.legend')}>
        {KINDS.map((k) => (
          <li key={k}>
            <span className={`cal-swatch cal-${k}`} aria-hidden="true">
              7
            </span>
            {t(`calendar.kind.${k}`)}
          </li>
        ))}
        <li>{t('calendar.overrideMarkLegend')}</li>
      </ul>
      <div className="cal-months">
        {monthsOf(calendar).map(({ month, weeks }) => {
          const name = monthName.format(new Date(Date.UTC(calendar.year, month - 1, 1)));
          return (
            <table key={month} className="cal-month">
              <caption>{name}</caption>
              <thead>
                <tr>
                  {short.map((d, i) => (
                    <th key={d} scope="col">
                      <abbr title={long[i]}>{d}</abbr>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {weeks.map((week) => (
                  <tr key={week.find((d) => d !== null)?.date}>
                    {week.map((d, i) => (d ? <DayCell key={d.date} day={d} /> : <td key={`pad-${i}`} />))}
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>
    </section>
  );
}
