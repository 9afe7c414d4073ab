import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';

/** The signatory signs the approved version with a simple electronic signature (63-FZ Art. 5 p.2). */
export function SignForm({
  slug,
  draftId,
  onDone,
}: {
  slug: string;
  draftId: string;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, run } = useAction(onDone);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(() => api.post(docPath(slug, draftId, '/sign')), t('case.done.signed'));
  };
  return (
    <form className="form" onSubmit={onSubmit}>
      <p>{t('case.sign.explain')}</p>
      <SubmitRow label={t('case.sign.submit')} busy={busy} error={error} />
    </form>
  );
}
