/**
 * ECharts with only what the forecast chart draws (lines, areas, grid, tooltip, legend, canvas),
 * loaded when the forecast page first shows a chart, so it stays out of the other pages' download.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export { init };
export type { EChartsCoreOption } from 'echarts/core';
