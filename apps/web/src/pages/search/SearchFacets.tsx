import { useTranslation } from 'react-i18next';
import { FACETS, type Facet, type FacetValue, type SearchResult } from '../../api/search.ts';
import type { Localized } from '../../api/types.ts';
import { localized } from '../../i18n/localized.ts';

/** A facet value in words: kinds and statuses translated, categories by title, months by name. */
export function useFacetLabel(themeTitles: ReadonlyMap<string, Localized>) {
  const { t, i18n } = useTranslation();
  return (facet: Facet, v: FacetValue): string => {
    if (v.label) return typeof v.label === 'string' ? v.label : localized(v.label, i18n.language);
    const theme = facet === 'theme' ? themeTitles.get(v.value) : undefined;
    if (theme) return localized(theme, i18n.language);
    if (facet === 'kind') return t(`search.kind.${v.value}`, { defaultValue: v.value });
    if (facet === 'status')
      return t(`status.${v.value}`, { defaultValue: t(`docStatus.${v.value}`, { defaultValue: v.value }) });
    if (facet === 'period' && /^\d{4}-\d{2}$/.test(v.value))
      return new Intl.DateTimeFormat(i18n.language, {
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(`${v.value}-01T00:00:00Z`));
    return v.value;
  };
}

/**
 * The facets of a search as groups of checkboxes with counts. One value per facet at a time (the
 * API filters by one): checking a value selects it, unchecking clears the facet.
 */
export function SearchFacets({
  facets,
  selected,
  onChange,
  onClear,
  themeTitles,
}: {
  themeTitles: ReadonlyMap<string, Localized>;
  facets: SearchResult['facets'];
  selected: Partial<Record<Facet, string>>;
  onChange: (facet: Facet, value: string | null) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const label = useFacetLabel(themeTitles);
  const shown = FACETS.filter((f) => facets[f].length > 0 || selected[f]);
  if (shown.length === 0) return null;
  return (
    <section className="search-facets" aria-labelledby="search-facets-title">
      <h2 id="search-facets-title">{t('search.facets')}</h2>
      {shown.map((f) => {
        const values = facets[f];
        const current = selected[f];
        const list =
          current && !values.some((v) => v.value === current)
            ? [{ value: current, count: 0 }, ...values]
            : values;
        return (
          <fieldset key={f} className="checkbox-list">
            <legend>{t(`search.facet.${f}`)}</legend>
            {list.map((v) => (
              <label key={v.value} className="checkbox">
                <input
                  type="checkbox"
                  name={f}
                  value={v.value}
                  checked={current === v.value}
                  onChange={(e) => onChange(f, e.target.checked ? v.value : null)}
                />
                {t('search.facetValue', { label: label(f, v), count: v.count })}
              </label>
            ))}
          </fieldset>
        );
      })}
      {Object.keys(selected).length > 0 && (
        <button type="button" className="button button-secondary button-small" onClick={onClear}>
          {t('search.clearFilters')}
        </button>
      )}
    </section>
  );
}
