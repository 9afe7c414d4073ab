import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmittedAppeal } from '../api/appeals.ts';
import type { ServiceDetail } from '../api/catalog.ts';
import { api } from '../api/client.ts';
import { knowledgePaths, type Duplicates } from '../api/search.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { ErrorSummary, type ErrorSummaryItem } from '../components/ErrorSummary.tsx';
import { FieldShell } from '../components/FieldShell.tsx';
import { localized } from '../i18n/localized.ts';
import { duplicateDraft } from './duplicate-draft.ts';
import { DuplicateOffer, SupportedNotice } from './DuplicateOffer.tsx';
import { IntakeFieldControl } from './IntakeFieldControl.tsx';
import {
  initialValues,
  intakePayload,
  validateIntake,
  type FieldMessage,
  type IntakeValue,
  type Prefill,
} from './intake-values.ts';
import { serverFieldErrors } from './server-errors.ts';
import { useAppealSubmission } from './use-appeal-submission.ts';

const CATEGORY = 'category';
const THEME = 'theme';

/**
 * The intake form of an installed service, generated from its package: the category (and theme,
 * where the category has themes), then the package's fields in their order. Checked in the browser
 * first; the server's refusals appear at the same fields.
 */
export function IntakeForm({
  municipality,
  service,
  prefill,
  onSubmitted,
}: {
  municipality: string;
  service: ServiceDetail;
  prefill: Prefill;
  onSubmitted: (appeal: SubmittedAppeal) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fieldId = (key: string) => `${id}-${key}`;
  const fields = service.intakeForm.fields;
  const [values, setValues] = useState(() => initialValues(fields, prefill));
  const [category, setCategory] = useState(
    service.categories.length === 1 ? service.categories[0]!.code : '',
  );
  const [theme, setTheme] = useState('');
  const [messages, setMessages] = useState<Map<string, string>>(new Map());
  const { state, submit } = useAppealSubmission(municipality);
  // Public reports: before sending, open reports of the category nearby are offered for support.
  const [duplicates, setDuplicates] = useState<Duplicates | null>(null);
  const [checking, setChecking] = useState(false);
  const [sendAnyway, setSendAnyway] = useState(false);
  const [supported, setSupported] = useState(false);
  const themes = useMemo(
    () => service.categories.find((c) => c.code === category)?.themes ?? [],
    [service.categories, category],
  );

  const text = (m: FieldMessage) => t(`intake.errors.${m.key}`, m.params ?? {});
  const set = (key: string) => (v: IntakeValue) => {
    setValues((old) => ({ ...old, [key]: v }));
    setDuplicates(null);
  };
  const focusTarget = (key: string) =>
    fields.find((f) => f.key === key)?.type === 'location' ? `${fieldId(key)}-lat` : fieldId(key);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const found = new Map<string, string>();
    if (!category) found.set(CATEGORY, t('intake.errors.category'));
    for (const [key, m] of validateIntake(fields, values)) found.set(key, text(m));
    setMessages(found);
    if (found.size > 0) return;
    const draft = sendAnyway ? null : duplicateDraft(service, category, values);
    if (draft) {
      setChecking(true);
      const near = await api
        .post<Duplicates>(knowledgePaths.duplicates(municipality), draft)
        .catch(() => null);
      setChecking(false);
      if (near && near.items.length > 0) {
        setDuplicates(near);
        return;
      }
    }
    await send();
  };

  const send = async () => {
    const payload = intakePayload(fields, values);
    await submit(
      {
        service: service.slug,
        category,
        ...(theme ? { theme } : {}),
        fields: payload.fields,
      },
      payload.files,
    );
  };

  // A refusal naming fields is shown at those fields; any other failure above the form.
  const refused = state.status === 'failed' ? state.error : null;
  const serverFields = refused
    ? serverFieldErrors(refused, [CATEGORY, THEME, ...fields.map((f) => f.key)])
    : new Map<string, string>();
  const shown = new Map(messages);
  for (const key of serverFields.keys()) if (!shown.has(key)) shown.set(key, t('intake.errors.server'));
  const summary: ErrorSummaryItem[] = [CATEGORY, THEME, ...fields.map((f) => f.key)].flatMap((key) => {
    const message = shown.get(key);
    return message ? [{ fieldId: focusTarget(key), text: message }] : [];
  });

  useEffect(() => {
    if (state.status === 'done') onSubmitted(state.appeal);
  }, [state, onSubmitted]);
  if (state.status === 'done') return null;
  if (supported) return <SupportedNotice municipality={municipality} />;

  return (
    <form
      className="form intake-form"
      noValidate
      onSubmit={(e) => void onSubmit(e)}
      aria-labelledby="page-title"
    >
      <ErrorSummary items={summary} />
      {refused && serverFields.size === 0 && <ErrorAlert error={refused} />}
      <p className="muted">{t('intake.requiredNote')}</p>

      <FieldShell id={fieldId(CATEGORY)} label={t('intake.category')} error={shown.get(CATEGORY)} required>
        {({ describedBy, invalid }) => (
          <select
            id={fieldId(CATEGORY)}
            required
            value={category}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            onChange={(e) => {
              setCategory(e.target.value);
              setTheme('');
              setDuplicates(null);
            }}
          >
            <option value="">{t('intake.choose')}</option>
            {service.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {localized(c.title, i18n.language)}
              </option>
            ))}
          </select>
        )}
      </FieldShell>

      {themes.length > 0 && (
        <FieldShell
          id={fieldId(THEME)}
          label={t('intake.theme')}
          hint={t('intake.themeHint')}
          error={shown.get(THEME)}
        >
          {({ describedBy, invalid }) => (
            <select
              id={fieldId(THEME)}
              value={theme}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setTheme(e.target.value)}
            >
              <option value="">{t('intake.themeUnknown')}</option>
              {themes.map((th) => (
                <option key={th.code} value={th.code}>
                  {localized(th.title, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
      )}

      {fields.map((f) => (
        <IntakeFieldControl
          key={f.key}
          id={fieldId(f.key)}
          field={f}
          value={values[f.key] ?? ''}
          error={shown.get(f.key)}
          onChange={set(f.key)}
        />
      ))}

      <p role="status" className="role-status">
        {checking ? t('search.offer.checking') : ''}
      </p>
      {duplicates && !sendAnyway ? (
        <DuplicateOffer
          municipality={municipality}
          duplicates={duplicates}
          sending={state.status === 'sending'}
          onSendAnyway={() => {
            setSendAnyway(true);
            void send();
          }}
          onSupported={() => setSupported(true)}
        />
      ) : (
        <button type="submit" className="button" disabled={state.status === 'sending' || checking}>
          {state.status === 'sending' ? t('intake.sending') : t('intake.submit')}
        </button>
      )}
    </form>
  );
}
