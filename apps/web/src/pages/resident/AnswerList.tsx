import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { answerDownloadPath, type ResidentAppeal } from '../../api/appeals.ts';
import { formatDate } from '../../i18n/dates.ts';

/** The answers and notices sent to the resident, each a signed PDF to download and verify. */
export function AnswerList({ appeal }: { appeal: ResidentAppeal }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="answers-title">
      <h2 id="answers-title">{t('answer.title')}</h2>
      {appeal.answers.length === 0 ? (
        <p>{t('answer.none')}</p>
      ) : (
        <>
          <ul className="doc-list">
            {appeal.answers.map((d) => {
              const name = d.regNumber
                ? t('answer.numbered', {
                    number: d.regNumber,
                    date: d.regDate ? formatDate(d.regDate, i18n.language) : '',
                  })
                : d.title;
              return (
                <li key={d.id}>
                  <span className="doc-title">{name}</span>{' '}
                  <a
                    className="button button-secondary button-small"
                    href={answerDownloadPath(appeal.municipality, appeal.id, d)}
                    download
                  >
                    {t('answer.download')}
                    <span className="visually-hidden"> {name}</span>
                  </a>
                </li>
              );
            })}
          </ul>
          <p className="muted">
            {t('answer.verifyHint')} <Link to="/verify">{t('answer.verifyLink')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
