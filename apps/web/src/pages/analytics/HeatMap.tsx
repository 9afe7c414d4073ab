import { latLngBounds, rectangle, type Rectangle } from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Heatmap } from '../../api/analytics.ts';
import { DEFAULT_CENTER, useMapConfig } from '../../map/map-config.ts';
import { useLeafletMap } from '../../map/use-leaflet-map.ts';

/** Light yellow → dark red by the cell's share of the densest cell. */
function colour(share: number): string {
  const stops = ['#fee8c8', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'];
  return stops[Math.min(stops.length - 1, Math.floor(share * stops.length))]!;
}

/**
 * The heat map: one coloured square per grid cell (no tiles needed; over the configured tiles when
 * there are any). The figures are also summarised in text for screen readers.
 */
export function HeatMap({ data }: { data: Heatmap }) {
  const { t } = useTranslation();
  const config = useMapConfig();
  const container = useRef<HTMLDivElement>(null);
  const map = useLeafletMap(container, config, DEFAULT_CENTER);
  const half = data.cellDegrees / 2;

  useEffect(() => {
    if (!map) return;
    const placed: Rectangle[] = data.cells.map((c) =>
      rectangle(
        [
          [c.lat - half, c.lon - half],
          [c.lat + half, c.lon + half],
        ],
        {
          weight: 0,
          fillColor: colour(c.n / Math.max(1, data.max)),
          fillOpacity: 0.75,
          className: 'heat-cell',
        },
      )
        .bindTooltip(t('analytics.heatCell', { n: c.n }))
        .addTo(map),
    );
    if (data.cells.length)
      map.fitBounds(latLngBounds(data.cells.map((c) => [c.lat, c.lon] as [number, number])).pad(0.1), {
        maxZoom: 15,
        animate: false,
      });
    return () => {
      for (const r of placed) r.remove();
    };
  }, [map, data, half, t]);

  return (
    <section className="card" aria-labelledby="analytics-heatmap">
      <h2 id="analytics-heatmap">{t('analytics.heatmap')}</h2>
      <p className="muted" data-testid="heatmap-summary">
        {t('analytics.heatSummary', { cells: data.cells.length, total: data.total, max: data.max })}
        {data.truncated ? ` ${t('analytics.heatTruncated')}` : ''}
      </p>
      <div
        ref={container}
        className={config && !config.tileUrl ? 'map map-blank analytics-map' : 'map analytics-map'}
        aria-label={t('analytics.heatmap')}
      />
    </section>
  );
}
