import { useTranslation } from 'react-i18next';
import type { ResolutionInfo } from '../../api/workflow.ts';
import { DueDate } from '../../components/DueDate.tsx';
import { formatDateTime } from '../../i18n/dates.ts';

/** Resolutions of the case, newest first, each with its executors and how their work stands. */
export function ResolutionsPanel({ resolutions }: { resolutions: readonly ResolutionInfo[] }) {
  const { t, i18n } = useTranslation();
  if (resolutions.length === 0) return null;
  return (
    <section className="card" aria-labelledby="resolutions-title">
      <h2 id="resolutions-title">{t('case.resolutions')}</h2>
      <ol className="resolution-list">
        {[...resolutions].reverse().map((r) => (
          <li key={r.id} className={r.status === 'superseded' ? 'resolution superseded' : 'resolution'}>
            <p>
              <strong>{r.authorName ?? '—'}</strong>, {formatDateTime(r.createdAt, i18n.language)}
              {r.status !== 'active' && <span className="muted"> ({t(`resolutionStatus.${r.status}`)})</span>}
            </p>
            <p className="case-text">{r.instruction}</p>
            <p>
              {t('case.resolution.due')}: <DueDate due={r.dueDate} done={r.status !== 'active'} />
            </p>
            <ul>
              {r.assignments.map((a) => (
                <li key={a.id}>
                  {a.executorName ?? '—'} — {t(`assignmentRole.${a.role}`, { defaultValue: a.role })},{' '}
                  {t(`assignmentStatus.${a.status}`, { defaultValue: a.status })}
                  {a.report && <span className="muted"> — {a.report}</span>}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
