import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';

/** The executor edits the draft's text; every save is a new version, rendered again. */
export function SaveVersionForm({
  slug,
  draftId,
  text: initial,
  onDone,
}: {
  slug: string;
  draftId: string;
  text: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const [text, setText] = useState(initial);
  const [comment, setComment] = useState('');
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () =>
        api.post(docPath(slug, draftId, '/versions'), {
          text: text.trim(),
          ...(comment.trim() ? { comment: comment.trim() } : {}),
        }),
      t('case.done.versionSaved'),
    );
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('case.draft.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={10}
          required
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-comment`}>{t('case.draft.versionComment')}</label>
        <input id={`${id}-comment`} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <SubmitRow label={t('case.draft.saveVersion')} busy={busy} error={error} />
    </form>
  );
}
