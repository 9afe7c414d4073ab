import { useTranslation } from 'react-i18next';
import type { ForecastGroup } from '../../api/forecast.ts';
import { TableRegion } from '../../components/TableRegion.tsx';
import { localized } from '../../i18n/localized.ts';

const fmt = (x: number, language: string) =>
  x.toLocaleString(language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: 1 });

/** Every category at a glance: next week's forecast and which forecast did better in the back-test. */
export function ForecastSummary({
  groups,
  onPick,
}: {
  groups: ForecastGroup[];
  onPick: (key: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <TableRegion label={t('forecast.summary')}>
      <table className="table">
        <caption>{t('forecast.summary')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecast.category')}</th>
            <th scope="col">{t('forecast.nextWeek')}</th>
            <th scope="col">{t('forecast.backtest.modelMae')}</th>
            <th scope="col">{t('forecast.backtest.naiveMae')}</th>
            <th scope="col">{t('forecast.backtest.better')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const next = g.forecast[0];
            return (
              <tr key={g.key}>
                <th scope="row">
                  <button type="button" className="link-button" onClick={() => onPick(g.key)}>
                    {localized(g.label, lang)}
                  </button>
                </th>
                <td>
                  {next
                    ? `${fmt(next.forecast, lang)} (${fmt(next.lo, lang)} – ${fmt(next.hi, lang)})`
                    : t('forecast.status.insufficient_history')}
                </td>
                <td>{g.backtest ? fmt(g.backtest.model.mae, lang) : '—'}</td>
                <td>{g.backtest ? fmt(g.backtest.naive.mae, lang) : '—'}</td>
                <td>{g.backtest ? t(`forecast.betterShort.${g.backtest.better}`) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}
