import { useTranslation } from 'react-i18next';
import type { ForecastGroup } from '../../api/forecast.ts';
import { TableRegion } from '../../components/TableRegion.tsx';
import { ForecastChart } from './ForecastChart.tsx';

const fmt = (x: number, language: string, digits = 1) =>
  x.toLocaleString(language === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: digits });

/** One group: the chart, the back-test next to it, and the chart's numbers as a table. */
export function GroupDetail({ group, title, level }: { group: ForecastGroup; title: string; level: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (group.status === 'insufficient_history')
    return (
      <p className="notice" role="status">
        {t('forecast.insufficient', { weeks: group.weeks_observed })}
      </p>
    );
  const bt = group.backtest;
  return (
    <div className="forecast-detail">
      <div className="forecast-detail-chart">
        <ForecastChart group={group} title={title} />
      </div>
      <div className="forecast-detail-side">
        <h3>{t('forecast.backtest.title')}</h3>
        {bt ? (
          <>
            <TableRegion label={t('forecast.backtest.title')}>
              <table className="table">
                <caption className="visually-hidden">{t('forecast.backtest.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('forecast.backtest.method')}</th>
                    <th scope="col">MAE</th>
                    <th scope="col">MASE</th>
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">{t('forecast.backtest.model')}</th>
                    <td>{fmt(bt.model.mae, lang)}</td>
                    <td>{fmt(bt.model.mase, lang, 2)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('forecast.backtest.naive')}</th>
                    <td>{fmt(bt.naive.mae, lang)}</td>
                    <td>{fmt(bt.naive.mase, lang, 2)}</td>
                  </tr>
                </tbody>
              </table>
            </TableRegion>
            <p>
              <strong>{t(`forecast.better.${bt.better}`)}</strong>
            </p>
            <p className="muted">
              {t('forecast.backtest.note', {
                origins: bt.origins,
                forecasts: bt.forecasts,
                horizon: bt.horizon,
                coverage: Math.round(bt.model.coverage * 100),
                level: Math.round(level * 100),
              })}
            </p>
          </>
        ) : (
          <p className="muted">{t('forecast.backtest.none')}</p>
        )}
      </div>
      <details className="forecast-numbers">
        <summary>{t('forecast.numbers')}</summary>
        <TableRegion label={t('forecast.numbers')}>
          <table className="table">
            <caption className="visually-hidden">{t('forecast.numbersCaption', { title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forecast.week')}</th>
                <th scope="col">{t('forecast.chart.history')}</th>
                <th scope="col">{t('forecast.chart.forecast')}</th>
                <th scope="col">{t('forecast.interval', { level: Math.round(level * 100) })}</th>
              </tr>
            </thead>
            <tbody>
              {group.history.map((h) => (
                <tr key={h.week_start}>
                  <th scope="row">{h.week_start}</th>
                  <td>{h.count}</td>
                  <td />
                  <td />
                </tr>
              ))}
              {group.forecast.map((f) => (
                <tr key={f.week_start}>
                  <th scope="row">{f.week_start}</th>
                  <td />
                  <td>{fmt(f.forecast, lang)}</td>
                  <td>
                    {fmt(f.lo, lang)} – {fmt(f.hi, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </div>
  );
}
