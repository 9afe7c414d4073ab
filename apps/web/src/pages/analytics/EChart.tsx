import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption, type ECharts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * One ECharts chart on a canvas. The canvas is an image to assistive technology: `summary` is its
 * text alternative (role="img" + aria-label), and every chart on the page has a table with the same
 * figures next to it. A click on a bar or point reports its index.
 */
export function EChart({
  option,
  summary,
  onPick,
  height = 280,
}: {
  option: EChartsCoreOption;
  summary: string;
  onPick?: (dataIndex: number, seriesIndex: number) => void;
  height?: number;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!el.current) return;
    const c = init(el.current, undefined, { renderer: 'canvas' });
    c.on('click', (p) => pick.current?.(p.dataIndex, p.seriesIndex ?? 0));
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={el} className="analytics-chart" style={{ height }} role="img" aria-label={summary} />;
}
