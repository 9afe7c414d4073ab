import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RUSSIAN_TIME_ZONES, timeZoneLabel } from './time-zones.ts';

const toApiError = (e: unknown) =>
  e instanceof ApiError ? e : new ApiError('unknown', e instanceof Error ? e.message : String(e), 0);

/**
 * Operators only: the time zone a municipality counts its days in (PATCH /api/m/:municipality).
 * Choosing another zone shows «Изменить»; the change is then confirmed with what it changes
 * (deadlines and day summaries).
 */
export function TimeZoneForm({
  slug,
  name,
  current,
  onChanged,
}: {
  slug: string;
  name: string;
  current: string;
  onChanged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [zone, setZone] = useState(current);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const russian: readonly string[] = RUSSIAN_TIME_ZONES;

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  const ask = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setError(null);
    setConfirming(true);
  };
  const cancel = () => {
    setConfirming(false);
    setZone(current);
    select.current?.focus();
  };
  const apply = async () => {
    setBusy(true);
    setError(null);
    try {
      const changed = await api.patch<{ timeZone: string }>(`/api/m/${encodeURIComponent(slug)}`, {
        timeZone: zone,
      });
      setConfirming(false);
      onChanged(t('municipalityAdmin.changed', { name, zone: changed.timeZone }));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <form className="inline-form" onSubmit={ask}>
        <label className="visually-hidden" htmlFor={`${id}-zone`}>
          {t('municipalityAdmin.timeZoneOf', { name })}
        </label>
        <select id={`${id}-zone`} ref={select} value={zone} onChange={(e) => setZone(e.target.value)}>
          <optgroup label={t('municipalityAdmin.russia')}>
            {russian.map((z) => (
              <option key={z} value={z}>
                {timeZoneLabel(z)}
              </option>
            ))}
          </optgroup>
          {!russian.includes(current) && (
            <optgroup label={t('municipalityAdmin.current')}>
              <option value={current}>{timeZoneLabel(current)}</option>
            </optgroup>
          )}
        </select>{' '}
        {zone !== current && !confirming && (
          <button
            type="submit"
            className="button button-secondary button-small"
            aria-label={t('municipalityAdmin.changeLabel', { name })}
          >
            {t('municipalityAdmin.change')}
          </button>
        )}
      </form>
      {confirming && (
        <div className="notice zone-confirm">
          <p ref={question} tabIndex={-1}>
            {t('municipalityAdmin.confirm', { name, from: current, to: zone })}
          </p>
          {error && <ErrorAlert error={error} />}
          <p>
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void apply()}
            >
              {busy ? t('municipalityAdmin.changing') : t('municipalityAdmin.confirmButton')}
            </button>{' '}
            <button type="button" className="button button-secondary button-small" onClick={cancel}>
              {t('municipalityAdmin.cancel')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
