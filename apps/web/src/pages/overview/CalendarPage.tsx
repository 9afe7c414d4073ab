import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { calendarPath, overridePath, type CalendarYear } from '../../api/calendar.ts';
import { api } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loaded } from '../../components/Loaded.tsx';
import { PageHeading } from '../../components/PageHeading.tsx';
import { useAction } from '../../forms/use-action.ts';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDate } from '../../i18n/dates.ts';
import { yearParam } from './calendar-days.ts';
import { MonthGrids } from './MonthGrids.tsx';
import { OverrideForm } from './OverrideForm.tsx';
import { OverridesTable } from './OverridesTable.tsx';

/**
 * /overview/calendar?year=: the working calendar every deadline counts in (GET /api/calendar,
 * public). Operators add and remove overrides; everyone else reads. A year the shipped production
 * calendar does not know is projected from Art. 112 TK RF, and the page says the decree's
 * transfers have to be entered as overrides.
 */
export function CalendarPage({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = yearParam(params.get('year'), new Date().getFullYear());
  const calendar = useApiData<CalendarYear>(calendarPath(year));
  const operator = me.user.kind === 'operator';
  const [message, setMessage] = useState('');
  const overridesHeading = useRef<HTMLHeadingElement>(null);
  const { reload } = calendar;
  const onDone = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
      // The pressed button goes away with its row: keep focus near where it was.
      overridesHeading.current?.focus();
    },
    [reload],
  );
  const removal = useAction(onDone);

  const onSaved = (date: string) => {
    setMessage(t('calendar.saved', { date: formatDate(date, i18n.language) }));
    const savedYear = Number(date.slice(0, 4));
    if (savedYear !== year) setParams({ year: String(savedYear) });
    else reload();
  };
  const onRemove = (date: string) =>
    void removal.run(
      () => api.delete(overridePath(date)),
      t('calendar.removed', { date: formatDate(date, i18n.language) }),
    );

  return (
    <div className="stack">
      <section className="card">
        <PageHeading>{t('calendar.title')}</PageHeading>
        <p>{t('calendar.intro')}</p>
        <nav aria-label={t('calendar.years')}>
          <ul className="inline-list">
            {year > 2000 && (
              <li>
                <Link to={`?year=${year - 1}`}>
                  <span aria-hidden="true">← </span>
                  {t('calendar.previousLabel', { year: year - 1 })}
                </Link>
              </li>
            )}
            {year < 2100 && (
              <li>
                <Link to={`?year=${year + 1}`}>
                  {t('calendar.nextLabel', { year: year + 1 })}
                  <span aria-hidden="true"> →</span>
                </Link>
              </li>
            )}
          </ul>
        </nav>
        <p className="role-status" role="status">
          {message}
        </p>
      </section>
      <Loaded state={calendar.state} onRetry={reload}>
        {(cal) => (
          <>
            <section className="card" aria-labelledby="calendar-year">
              <h2 id="calendar-year">{t('calendar.yearHeading', { year: cal.year })}</h2>
              {!cal.covered && (
                <div className="alert alert-warning" role="note">
                  <p>{t('calendar.projected', { year: cal.year })}</p>
                </div>
              )}
              <p>{t('calendar.workingDays', { count: cal.workingDays })}</p>
              <MonthGrids calendar={cal} />
            </section>
            <section className="card" aria-labelledby="calendar-overrides">
              <h2 id="calendar-overrides" ref={overridesHeading} tabIndex={-1}>
                {t('calendar.overrides', { year: cal.year })}
              </h2>
              {removal.error && <ErrorAlert error={removal.error} />}
              {cal.overrides.length === 0 ? (
                <p>{t('calendar.overridesEmpty', { year: cal.year })}</p>
              ) : (
                <OverridesTable
                  year={cal.year}
                  overrides={cal.overrides}
                  onRemove={operator ? onRemove : undefined}
                  busy={removal.busy}
                />
              )}
              {!operator && <p className="muted">{t('calendar.readOnly')}</p>}
            </section>
          </>
        )}
      </Loaded>
      {operator && (
        <section className="card">
          <OverrideForm onSaved={onSaved} />
        </section>
      )}
    </div>
  );
}
