import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import type { Items } from '../../../api/types.ts';
import { colleaguesPath, type Colleague } from '../../../api/workflow.ts';
import { Loaded } from '../../../components/Loaded.tsx';
import { useApiData } from '../../../hooks/use-api-data.ts';
import { sortByText } from '../../../i18n/localized.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';
import { useRoutingExecutor } from '../../routing/use-routing-prefill.ts';

/** Executors first (by role), then everyone else, each group by name. */
function ordered(members: readonly Colleague[], language: string): Colleague[] {
  const byName = sortByText(members, (m) => m.displayName, language);
  return [
    ...byName.filter((m) => m.roleKeys.includes('executor')),
    ...byName.filter((m) => !m.roleKeys.includes('executor')),
  ];
}

/**
 * The head's resolution (резолюция): the responsible executor and co-executors from the
 * municipality's staff, the due day (not after the legal due day), the instruction. A new
 * resolution re-assigns and supersedes the previous one.
 */
export function ResolutionForm({
  slug,
  documentId,
  legalDue,
  onDone,
}: {
  slug: string;
  documentId: string;
  legalDue: string | null;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const members = useApiData<Items<Colleague>>(colleaguesPath(slug, 'document.execute'));
  const { busy, error, run } = useAction(onDone);
  const [responsible, setResponsible] = useState('');
  const [co, setCo] = useState<string[]>([]);
  const [dueDate, setDueDate] = useState(legalDue ?? '');
  const [instruction, setInstruction] = useState('');
  // The executor chosen from the routing suggestions, when staff took one and they are in the list.
  const suggested = useRoutingExecutor(slug, documentId);
  const preset = (list: Colleague[]) =>
    responsible || (list.some((m) => m.userId === suggested) ? suggested : null) || list[0]?.userId || '';

  const onSubmit = (list: Colleague[]) => (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const responsibleUserId = preset(list);
    void run(
      () =>
        api.post(docPath(slug, documentId, '/resolutions'), {
          responsibleUserId,
          coExecutorUserIds: co.filter((u) => u !== responsibleUserId),
          dueDate,
          instruction: instruction.trim(),
        }),
      t('case.done.resolution'),
    );
  };

  return (
    <Loaded state={members.state} onRetry={members.reload}>
      {({ items }) => {
        const list = ordered(items, i18n.language);
        const label = (m: Colleague) =>
          `${m.displayName}${m.roleKeys.length ? ` — ${m.roleKeys.map((k) => t(`roles.${k}`, { defaultValue: k })).join(', ')}` : ''}`;
        // Co-executors: everyone but the responsible one as the select shows it (a routing preset too).
        const others = list.filter((m) => m.userId !== preset(list));
        return (
          <form className="form" onSubmit={onSubmit(list)}>
            <div className="field">
              <label htmlFor={`${id}-responsible`}>{t('case.resolution.responsible')}</label>
              <select
                id={`${id}-responsible`}
                value={preset(list)}
                onChange={(e) => setResponsible(e.target.value)}
              >
                {list.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {label(m)}
                  </option>
                ))}
              </select>
            </div>
            <fieldset className="field">
              <legend>{t('case.resolution.coExecutors')}</legend>
              {others.length === 0 ? (
                <p className="field-hint">{t('case.resolution.noCoExecutors')}</p>
              ) : (
                <ul className="checkbox-list">
                  {others.map((m) => (
                    <li key={m.userId} className="checkbox">
                      <input
                        id={`${id}-co-${m.userId}`}
                        type="checkbox"
                        checked={co.includes(m.userId)}
                        onChange={(e) =>
                          setCo((old) =>
                            e.target.checked ? [...old, m.userId] : old.filter((u) => u !== m.userId),
                          )
                        }
                      />
                      <label htmlFor={`${id}-co-${m.userId}`}>{label(m)}</label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>
            <div className="field">
              <label htmlFor={`${id}-due`}>{t('case.resolution.due')}</label>
              {legalDue && (
                <p id={`${id}-due-hint`} className="field-hint">
                  {t('case.resolution.dueHint')}
                </p>
              )}
              <input
                id={`${id}-due`}
                type="date"
                required
                value={dueDate}
                max={legalDue ?? undefined}
                aria-describedby={legalDue ? `${id}-due-hint` : undefined}
                onChange={(e) => setDueDate(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-instruction`}>{t('case.resolution.instruction')}</label>
              <textarea
                id={`${id}-instruction`}
                rows={3}
                required
                value={instruction}
                onChange={(e) => setInstruction(e.target.value)}
              />
            </div>
            <SubmitRow label={t('case.resolution.submit')} busy={busy} error={error} />
          </form>
        );
      }}
    </Loaded>
  );
}
