import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import {
  percent,
  ROUTING_HEADS,
  routingModelsPath,
  routingTrainPath,
  type RoutingModelRun,
} from '../../api/routing.ts';
import type { Items } from '../../api/types.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { TableRegion } from '../../components/TableRegion.tsx';
import { useAction } from '../../forms/use-action.ts';
import { useApiData } from '../../hooks/use-api-data.ts';
import { formatDateTime } from '../../i18n/dates.ts';
import { SectionPage } from '../workspace/SectionPage.tsx';
import { useWorkspace } from '../workspace/workspace-context.ts';

function ModelsTable({ items }: { items: readonly RoutingModelRun[] }) {
  const { t, i18n } = useTranslation();
  // A note with a known reason in the reader's language, any other as the server wrote it.
  const note = (m: RoutingModelRun) =>
    m.statusReason && i18n.exists(`routing.models.statusReason.${m.statusReason}`)
      ? t(`routing.models.statusReason.${m.statusReason}`, {
          labelled: m.metrics.labelled ?? 0,
          required: m.metrics.required ?? 0,
        })
      : m.statusNote;
  if (items.length === 0) return <p>{t('routing.models.empty')}</p>;
  const score = (m: RoutingModelRun, head: (typeof ROUTING_HEADS)[number]) => {
    const h = m.metrics.heads?.[head];
    return h && h.n > 0 ? `${percent(h.top1, i18n.language)} / ${percent(h.top3, i18n.language)}` : '—';
  };
  return (
    <TableRegion label={t('routing.models.caption')}>
      <table className="table">
        <caption className="visually-hidden">{t('routing.models.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('routing.models.version')}</th>
            <th scope="col">{t('routing.models.status')}</th>
            <th scope="col">{t('routing.models.trainedAt')}</th>
            <th scope="col">{t('routing.models.examples')}</th>
            {ROUTING_HEADS.map((h) => (
              <th key={h} scope="col">
                {t(`routing.head.${h}`)} <span className="muted">{t('routing.models.top1top3')}</span>
              </th>
            ))}
            <th scope="col">{t('routing.models.time')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <td>
                {m.version}
                {m.active && <strong> ({t('routing.models.active')})</strong>}
              </td>
              <td>
                {t(`routing.models.statusValue.${m.status}`)}
                {note(m) && <span className="muted"> — {note(m)}</span>}
              </td>
              <td>{m.trainedAt ? formatDateTime(m.trainedAt, i18n.language) : '—'}</td>
              <td>{m.examples}</td>
              {ROUTING_HEADS.map((h) => (
                <td key={h}>{score(m, h)}</td>
              ))}
              <td>
                {m.metrics.trainingMs !== undefined
                  ? t('routing.models.seconds', { seconds: (m.metrics.trainingMs / 1000).toFixed(1) })
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Workspace section «Модель маршрутизации»: training runs with their holdout metrics, and «Переобучить сейчас». */
export function RoutingModelsPage() {
  const { t } = useTranslation();
  const { municipality } = useWorkspace();
  const slug = municipality.slug;
  const allowed = municipality.abilities.includes('routing.train');
  const models = useApiData<Items<RoutingModelRun>>(allowed ? routingModelsPath(slug) : null);
  const [message, setMessage] = useState('');
  const { reload } = models;
  const onDone = useCallback(
    (text: string) => {
      setMessage(text);
      reload();
    },
    [reload],
  );
  const { busy, error, run } = useAction(onDone);
  return (
    <SectionPage title={t('routing.models.title')} permission="routing.train">
      {() => (
        <div className="stack">
          <p>{t('routing.models.intro')}</p>
          <p className="role-status" role="status">
            {message}
          </p>
          {error && (
            <div className="alert alert-error" role="alert">
              <p>{t('routing.errors.other', { message: error.message })}</p>
            </div>
          )}
          <p>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run(() => api.post(routingTrainPath(slug)), t('routing.models.queued'))}
            >
              {t('routing.models.retrain')}
            </button>{' '}
            <button type="button" className="button button-secondary" onClick={reload}>
              {t('routing.models.refresh')}
            </button>
          </p>
          <Loaded state={models.state} onRetry={reload}>
            {({ items }) => <ModelsTable items={items} />}
          </Loaded>
        </div>
      )}
    </SectionPage>
  );
}
