import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmittedAppeal } from '../../api/appeals.ts';
import { formatDate } from '../../i18n/dates.ts';

/** The receipt of a sent appeal; takes focus so the result is read out at once. */
export function AppealSubmitted({
  municipality,
  appeal,
  signedIn,
  onAnother,
}: {
  municipality: string;
  appeal: SubmittedAppeal;
  signedIn: boolean;
  onAnother: () => void;
}) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice receipt" role="status">
      <h2 ref={ref} tabIndex={-1}>
        {t('intake.sentTitle')}
      </h2>
      <p>{t('intake.sentReceived')}</p>
      <p>{t('intake.sentRegistrationDue', { date: formatDate(appeal.registrationDue, i18n.language) })}</p>
      <ul className="inline-list">
        {signedIn && (
          <li>
            <Link to={`/cabinet/appeals/${municipality}/${appeal.id}`}>{t('intake.openAppeal')}</Link>
          </li>
        )}
        <li>
          <button type="button" className="button button-secondary button-small" onClick={onAnother}>
            {t('intake.another')}
          </button>
        </li>
      </ul>
    </div>
  );
}
