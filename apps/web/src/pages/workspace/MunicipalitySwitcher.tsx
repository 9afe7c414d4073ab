import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Localized } from '../../api/types.ts';
import { localized } from '../../i18n/localized.ts';

/** Choose another municipality; navigates only on submit (no change of context on input). */
export function MunicipalitySwitcher({
  current,
  options,
}: {
  current: string;
  options: { slug: string; name: Localized }[];
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [chosen, setChosen] = useState(current);
  if (options.length < 2) return null;
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (chosen !== current) void navigate(`/workspace/${chosen}`);
  };
  return (
    <form className="switcher" onSubmit={onSubmit}>
      <label htmlFor={id}>{t('workspace.municipality')}</label>
      <select id={id} value={chosen} onChange={(e) => setChosen(e.target.value)}>
        {options.map((o) => (
          <option key={o.slug} value={o.slug}>
            {localized(o.name, i18n.language)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small">
        {t('workspace.choose')}
      </button>
    </form>
  );
}
