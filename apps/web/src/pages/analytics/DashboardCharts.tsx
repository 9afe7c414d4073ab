import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, Drill, Period } from '../../api/analytics.ts';
import { TableRegion } from '../../components/TableRegion.tsx';
import { EChart } from './EChart.tsx';

const COLOURS = ['#1d4e89', '#2f6b2f', '#9b1c1c'];

/** The last day of a period that starts on `start`. */
function periodEnd(start: string, period: Period): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (period === 'day') return start;
  if (period === 'week') d.setUTCDate(d.getUTCDate() + 6);
  else d.setUTCMonth(d.getUTCMonth() + 1, 0);
  return d.toISOString().slice(0, 10);
}

/** The series by period and the answer-time histogram; each with its figures as a table. */
export function DashboardCharts({ data, onDrill }: { data: Dashboard; onDrill: (d: Drill) => void }) {
  const { t } = useTranslation();
  const names = [
    t('analytics.series.incoming'),
    t('analytics.series.answered'),
    t('analytics.series.overdue'),
  ];
  const series = data.series;
  const seriesOption = useMemo(
    () => ({
      color: COLOURS,
      tooltip: { trigger: 'axis' },
      legend: { data: names },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: series.map((s) => s.period) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: names[0], type: 'bar', data: series.map((s) => s.incoming) },
        { name: names[1], type: 'line', data: series.map((s) => s.answered) },
        { name: names[2], type: 'line', data: series.map((s) => s.overdue) },
      ],
    }),
    [series, names],
  );
  const bucketLabel = useCallback(
    (b: Dashboard['histogram'][number]) =>
      b.to === null
        ? t('analytics.daysFrom', { from: b.from })
        : t('analytics.daysRange', { from: b.from, to: b.to }),
    [t],
  );
  const histOption = useMemo(
    () => ({
      color: ['#8a4b00'],
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 30 },
      xAxis: { type: 'category', data: data.histogram.map(bucketLabel) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: t('analytics.histogram'), type: 'bar', data: data.histogram.map((b) => b.n) }],
    }),
    [data.histogram, t, bucketLabel],
  );
  const drillPeriod = (i: number) => {
    const s = series[i];
    if (s)
      onDrill({ from: s.period, to: periodEnd(s.period, data.range.period), label: s.period, bucket: 'all' });
  };
  const drillDays = (i: number) => {
    const b = data.histogram[i];
    if (b) onDrill({ minDays: b.from, ...(b.to === null ? {} : { maxDays: b.to }), label: bucketLabel(b) });
  };
  const total = series.reduce((x, s) => x + s.incoming, 0);
  return (
    <div className="analytics-charts">
      <section className="card" aria-labelledby="analytics-series">
        <h2 id="analytics-series">{t('analytics.seriesTitle')}</h2>
        <EChart
          option={seriesOption}
          onPick={drillPeriod}
          summary={t('analytics.seriesSummary', { periods: series.length, total })}
        />
        <details>
          <summary>{t('analytics.asTable')}</summary>
          <TableRegion label={t('analytics.seriesTitle')}>
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('analytics.periodStart')}</th>
                  {names.map((n) => (
                    <th scope="col" key={n}>
                      {n}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {series.map((s, i) => (
                  <tr key={s.period}>
                    <th scope="row">
                      <button type="button" className="link-button" onClick={() => drillPeriod(i)}>
                        {s.period}
                      </button>
                    </th>
                    <td>{s.incoming}</td>
                    <td>{s.answered}</td>
                    <td>{s.overdue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </details>
      </section>
      <section className="card" aria-labelledby="analytics-histogram">
        <h2 id="analytics-histogram">{t('analytics.histogram')}</h2>
        <EChart
          option={histOption}
          onPick={drillDays}
          height={220}
          summary={data.histogram.map((b) => `${bucketLabel(b)}: ${b.n}`).join('; ')}
        />
        <ul className="inline-list">
          {data.histogram.map((b, i) => (
            <li key={b.from}>
              <button type="button" className="link-button" onClick={() => drillDays(i)}>
                {bucketLabel(b)}: {b.n}
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
