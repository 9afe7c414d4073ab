import type { ForecastGroup } from '../../api/forecast.ts';

export interface ChartLabels {
  history: string;
  forecast: string;
  interval: string;
}

/**
 * The chart of one group: the weekly history, the forecast continuing it (dashed) and the interval
 * as a band (the lower bound, transparent, with the band's height stacked on it).
 */
export function chartOption(group: ForecastGroup, labels: ChartLabels) {
  const weeks = [...group.history.map((h) => h.week_start), ...group.forecast.map((f) => f.week_start)];
  const pad = (n: number) => Array.from({ length: n }, () => null);
  const h = group.history.length;
  const last = group.history.at(-1)?.count ?? null;
  const forecastLine = [
    ...pad(Math.max(0, h - 1)),
    ...(h > 0 ? [last] : []),
    ...group.forecast.map((f) => f.forecast),
  ];
  const line = {
    type: 'line' as const,
    symbol: 'none',
    lineStyle: { opacity: 0 },
    stack: 'band',
    silent: true,
  };
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    tooltip: { trigger: 'axis' as const },
    legend: { data: [labels.history, labels.forecast, labels.interval], top: 0 },
    xAxis: { type: 'category' as const, data: weeks, boundaryGap: false },
    yAxis: { type: 'value' as const, min: 0 },
    series: [
      {
        ...line,
        name: 'lo',
        data: [...pad(h), ...group.forecast.map((f) => f.lo)],
        tooltip: { show: false },
      },
      {
        ...line,
        name: labels.interval,
        data: [...pad(h), ...group.forecast.map((f) => Math.round((f.hi - f.lo) * 100) / 100)],
        areaStyle: { opacity: 0.25, color: '#4a7bd0' },
        itemStyle: { color: '#a9bfe6' },
        tooltip: { show: false },
      },
      {
        type: 'line' as const,
        name: labels.history,
        data: [...group.history.map((x) => x.count), ...pad(group.forecast.length)],
      },
      {
        type: 'line' as const,
        name: labels.forecast,
        data: forecastLine,
        lineStyle: { type: 'dashed' as const },
        color: '#4a7bd0',
      },
    ],
  };
}
