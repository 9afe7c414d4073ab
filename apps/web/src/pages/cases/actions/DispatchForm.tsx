import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';

const CHANNELS = ['cabinet', 'email', 'post'] as const;

/** Registration in the outgoing journal and delivery: the resident's cabinet, e-mail, a copy for post. */
export function DispatchForm({
  slug,
  draftId,
  onDone,
}: {
  slug: string;
  draftId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [channels, setChannels] = useState<string[]>(['cabinet', 'email']);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(() => api.post(docPath(slug, draftId, '/dispatch'), { channels }), t('case.done.dispatched'));
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <fieldset className="field">
        <legend>{t('case.dispatch.channels')}</legend>
        <ul className="checkbox-list">
          {CHANNELS.map((c) => (
            <li key={c} className="checkbox">
              <input
                id={`${id}-${c}`}
                type="checkbox"
                checked={channels.includes(c)}
                onChange={(e) =>
                  setChannels((old) => (e.target.checked ? [...old, c] : old.filter((x) => x !== c)))
                }
              />
              <label htmlFor={`${id}-${c}`}>{t(`case.dispatch.channel.${c}`)}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitRow label={t('case.dispatch.submit')} busy={busy} error={error} />
    </form>
  );
}
