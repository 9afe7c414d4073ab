import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceTemplate } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { docPath } from '../../../api/documents.ts';
import type { Items } from '../../../api/types.ts';
import { colleaguesPath, type Colleague } from '../../../api/workflow.ts';
import { SubmitRow } from '../../../components/SubmitRow.tsx';
import { useAction } from '../../../forms/use-action.ts';
import { useApiData } from '../../../hooks/use-api-data.ts';
import { localized } from '../../../i18n/localized.ts';

/**
 * The executor drafts the answer (or a notice) from one of the package's templates: the text on
 * the merits, the letter's language and who will sign. The server fills the requisites
 * (municipality, incoming number, applicant) and renders DOCX and PDF as version 1.
 */
export function DraftAnswerForm({
  slug,
  incomingId,
  serviceSlug,
  templates,
  onDone,
}: {
  slug: string;
  incomingId: string;
  serviceSlug: string | null;
  templates: readonly ServiceTemplate[];
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction(onDone);
  const signers = useApiData<Items<Colleague>>(colleaguesPath(slug, 'document.sign'));
  const [template, setTemplate] = useState(
    templates.find((x) => x.purpose === 'answer')?.code ?? templates[0]?.code ?? '',
  );
  const [locale, setLocale] = useState<'ru' | 'en'>('ru');
  const [signatory, setSignatory] = useState('');
  const [text, setText] = useState('');

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(
      () =>
        api.post(docPath(slug, incomingId, '/answer'), {
          templateCode: template,
          ...(serviceSlug ? { serviceSlug } : {}),
          locale,
          text: text.trim(),
          ...(signatory ? { signatoryUserId: signatory } : {}),
        }),
      t('case.done.drafted'),
    );
  };

  return (
    <form className="form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={`${id}-template`}>{t('case.draft.template')}</label>
        <select id={`${id}-template`} value={template} required onChange={(e) => setTemplate(e.target.value)}>
          {templates.map((x) => (
            <option key={x.code} value={x.code}>
              {localized(x.title, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('case.draft.locale')}</legend>
        <div className="rating-options">
          {(['ru', 'en'] as const).map((l) => (
            <div key={l} className="checkbox">
              <input
                id={`${id}-locale-${l}`}
                type="radio"
                name={`${id}-locale`}
                checked={locale === l}
                onChange={() => setLocale(l)}
              />
              <label htmlFor={`${id}-locale-${l}`} lang={l}>
                {t(`language.${l}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-signatory`}>{t('case.draft.signatory')}</label>
        <select id={`${id}-signatory`} value={signatory} onChange={(e) => setSignatory(e.target.value)}>
          <option value="">{t('case.draft.signatoryDefault')}</option>
          {(signers.state.status === 'ready' ? signers.state.data.items : []).map((c) => (
            <option key={c.userId} value={c.userId}>
              {c.displayName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('case.draft.text')}</label>
        <p id={`${id}-text-hint`} className="field-hint">
          {t('case.draft.textHint')}
        </p>
        <textarea
          id={`${id}-text`}
          rows={10}
          required
          aria-describedby={`${id}-text-hint`}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <SubmitRow label={t('case.draft.submit')} busy={busy} error={error} />
    </form>
  );
}
