import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ForecastGroup } from '../../api/forecast.ts';
import { chartOption } from './chart-option.ts';

/**
 * The chart of one group, drawn by ECharts (loaded on first use) on a canvas. Screen readers get
 * its summary as the image's name; the numbers are in the table that follows it.
 */
export function ForecastChart({ group, title }: { group: ForecastGroup; title: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const labels = {
    history: t('forecast.chart.history'),
    forecast: t('forecast.chart.forecast'),
    interval: t('forecast.chart.interval'),
  };
  const key = `${group.key}|${group.history.length}|${group.forecast.length}|${labels.history}`;

  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts-setup.ts')
      .then(({ init }) => {
        if (disposed || !ref.current) return;
        const chart = init(ref.current, undefined, { renderer: 'canvas' });
        chart.setOption(chartOption(group, labels));
        const resize = () => chart.resize();
        window.addEventListener('resize', resize);
        dispose = () => {
          window.removeEventListener('resize', resize);
          chart.dispose();
        };
      })
      .catch(() => setFailed(true));
    return () => {
      disposed = true;
      dispose();
    };
    // Redrawn when the group or the language changes (the key says which).
  }, [key]);

  const next = group.forecast[0];
  const summary = next
    ? t('forecast.chart.summary', {
        title,
        weeks: group.history.length,
        forecast: Math.round(next.forecast),
        lo: Math.round(next.lo),
        hi: Math.round(next.hi),
      })
    : title;
  if (failed) return <p className="muted">{t('forecast.chart.unavailable')}</p>;
  return (
    <div ref={ref} className="forecast-chart" role="img" aria-label={summary} data-testid="forecast-chart" />
  );
}
