import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { AppealView } from '../../api/appeals.ts';
import type { ServiceDetail } from '../../api/catalog.ts';
import { ROUTING_HEADS, routingPath, type RoutingHead, type RoutingView } from '../../api/routing.ts';
import type { Items } from '../../api/types.ts';
import { colleaguesPath, type Colleague } from '../../api/workflow.ts';
import { Loaded } from '../../components/Loaded.tsx';
import { useAction } from '../../forms/use-action.ts';
import { useApiData } from '../../hooks/use-api-data.ts';
import { localized, sortByText } from '../../i18n/localized.ts';
import { HeadSuggestions, type Choice } from './HeadSuggestions.tsx';
import { ROUTING_APPLIED } from './use-routing-prefill.ts';

/**
 * «Подсказки маршрутизации» on the staff case page: the active model's top 3 category, theme and
 * executor for the appeal, with confidence; accepting or choosing another applies it (category and
 * theme change the appeal; the executor prefills the resolution form) and teaches the next model.
 */
export function RoutingSuggestions({
  slug,
  appeal,
  abilities,
  onDone,
}: {
  slug: string;
  appeal: AppealView;
  abilities: readonly string[];
  onDone: (message: string) => void;
}) {
  const allowed = abilities.includes('routing.view');
  const { t, i18n } = useTranslation();
  const view = useApiData<RoutingView>(allowed ? routingPath(slug, appeal.id) : null);
  const service = useApiData<ServiceDetail>(
    allowed ? `/api/m/${encodeURIComponent(slug)}/services/${encodeURIComponent(appeal.service.slug)}` : null,
  );
  const staff = useApiData<Items<Colleague>>(allowed ? colleaguesPath(slug, 'document.execute') : null);
  const { busy, error, run } = useAction(onDone);
  if (!allowed) return null;

  const categories = service.state.status === 'ready' ? service.state.data.categories : [];
  const people =
    staff.state.status === 'ready'
      ? sortByText(staff.state.data.items, (m) => m.displayName, i18n.language)
      : [];
  const choices: Record<RoutingHead, Choice[]> = {
    category: categories.map((c) => ({ value: c.code, label: localized(c.title, i18n.language) })),
    reason: (categories.find((c) => c.code === appeal.category.code)?.themes ?? []).map((x) => ({
      value: x.code,
      label: localized(x.title, i18n.language),
    })),
    executor: people.map((m) => ({ value: m.userId, label: m.displayName })),
  };
  const labelOf = (v: RoutingView, head: RoutingHead): string | null => {
    const value = head === 'executor' ? (v.applied.executor?.value ?? null) : v.current[head];
    if (value === null) return null;
    const s = v.suggestions[head].find((x) => x.value === value);
    return s
      ? localized(s.title, i18n.language)
      : (choices[head].find((c) => c.value === value)?.label ?? value);
  };
  const apply = (head: RoutingHead) => (value: string, accepted: boolean) =>
    void run(
      async () => {
        await api.post(routingPath(slug, appeal.id, '/feedback'), { head, value, accepted });
        window.dispatchEvent(new Event(ROUTING_APPLIED));
      },
      t(head === 'executor' ? 'routing.done.executor' : 'routing.done.applied'),
    );

  return (
    <section className="card" aria-labelledby="routing-title">
      <h2 id="routing-title">{t('routing.title')}</h2>
      <Loaded state={view.state} onRetry={view.reload}>
        {(v) => (
          <>
            <p className="muted">
              {v.model ? t('routing.modelVersion', { version: v.model.version }) : t('routing.noModel')}
            </p>
            {error && (
              <div className="alert alert-error" role="alert">
                <p>
                  {t(`routing.errors.${error.code}`, {
                    defaultValue: t('routing.errors.other', { message: error.message }),
                  })}
                </p>
              </div>
            )}
            {ROUTING_HEADS.map((head) => (
              <HeadSuggestions
                key={head}
                head={head}
                view={v}
                choices={choices[head]}
                currentLabel={labelOf(v, head)}
                busy={busy}
                apply={apply(head)}
              />
            ))}
          </>
        )}
      </Loaded>
    </section>
  );
}
