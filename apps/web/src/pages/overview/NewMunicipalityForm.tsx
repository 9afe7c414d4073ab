import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { Region } from '../../api/types.ts';
import { FieldShell } from '../../components/FieldShell.tsx';
import { FormErrorSummary } from '../../components/FormErrorSummary.tsx';
import { TextField } from '../../components/TextField.tsx';
import { formErrorsOf, noFormErrors, type FormErrors } from '../../forms/form-errors.ts';
import { localized } from '../../i18n/localized.ts';
import { RUSSIAN_TIME_ZONES, timeZoneLabel } from './time-zones.ts';

const FIELDS = ['regionSlug', 'slug', 'nameRu', 'nameEn'] as const;
type Field = (typeof FIELDS)[number];
const FTS = ['russian', 'english', 'simple'] as const;

/** Operators only: a new municipality with its admin role (POST /api/municipalities). */
export function NewMunicipalityForm({
  regions,
  onCreated,
}: {
  regions: Region[];
  onCreated: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const fieldId = (f: Field | 'ftsConfig' | 'timeZone') => `${id}-${f}`;
  const [regionSlug, setRegionSlug] = useState(regions[0]?.slug ?? '');
  const [slug, setSlug] = useState('');
  const [nameRu, setNameRu] = useState('');
  const [nameEn, setNameEn] = useState('');
  const [ftsConfig, setFtsConfig] = useState<(typeof FTS)[number]>('russian');
  const [timeZone, setTimeZone] = useState('Europe/Moscow');
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors());
  const [busy, setBusy] = useState(false);
  const error = (f: Field) => (errors.fields[f] ? t(errors.fields[f]) : undefined);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setBusy(true);
    setErrors(noFormErrors());
    try {
      const body = { regionSlug, slug: slug.trim(), nameRu, nameEn, ftsConfig, timeZone };
      await api.post('/api/municipalities', body);
      setSlug('');
      setNameRu('');
      setNameEn('');
      onCreated(t('municipalityAdmin.created', { name: i18n.language === 'en' ? nameEn : nameRu }));
    } catch (err) {
      setErrors(formErrorsOf(err, FIELDS, { municipality_exists: 'slug', region_not_found: 'regionSlug' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('municipalityAdmin.newTitle')}</h2>
      <p className="field-hint">{t('municipalityAdmin.newHint')}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-title`}>
        <FormErrorSummary errors={errors} fields={FIELDS} fieldId={fieldId} />
        <FieldShell
          id={fieldId('regionSlug')}
          label={t('municipalityAdmin.region')}
          error={error('regionSlug')}
        >
          {({ describedBy, invalid }) => (
            <select
              id={fieldId('regionSlug')}
              value={regionSlug}
              required
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => setRegionSlug(e.target.value)}
            >
              {regions.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {localized(r.name, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <TextField
          id={fieldId('slug')}
          name="slug"
          label={t('municipalityAdmin.slug')}
          hint={t('municipalityAdmin.slugHint')}
          value={slug}
          onChange={setSlug}
          error={error('slug')}
        />
        <TextField
          id={fieldId('nameRu')}
          name="nameRu"
          label={t('municipalityAdmin.nameRu')}
          value={nameRu}
          onChange={setNameRu}
          error={error('nameRu')}
        />
        <TextField
          id={fieldId('nameEn')}
          name="nameEn"
          label={t('municipalityAdmin.nameEn')}
          value={nameEn}
          onChange={setNameEn}
          error={error('nameEn')}
        />
        <FieldShell id={fieldId('ftsConfig')} label={t('municipalityAdmin.ftsConfig')}>
          {() => (
            <select
              id={fieldId('ftsConfig')}
              value={ftsConfig}
              onChange={(e) => setFtsConfig(FTS.find((f) => f === e.target.value) ?? 'russian')}
            >
              {FTS.map((f) => (
                <option key={f} value={f}>
                  {t(`municipalityAdmin.fts.${f}`)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <FieldShell id={fieldId('timeZone')} label={t('municipalityAdmin.timeZone')}>
          {() => (
            <select id={fieldId('timeZone')} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {RUSSIAN_TIME_ZONES.map((z) => (
                <option key={z} value={z}>
                  {timeZoneLabel(z)}
                </option>
              ))}
            </select>
          )}
        </FieldShell>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('municipalityAdmin.creating') : t('municipalityAdmin.create')}
        </button>
      </form>
    </section>
  );
}
