import { circleMarker, latLngBounds, type CircleMarker } from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicReport } from '../api/appeals.ts';
import { localized } from '../i18n/localized.ts';
import { DEFAULT_CENTER, useMapConfig } from './map-config.ts';
import { useLeafletMap } from './use-leaflet-map.ts';

const COLOURS: Readonly<Record<string, string>> = {
  received: '#1d4e89',
  registered: '#1d4e89',
  investigating: '#8a4b00',
  in_progress: '#8a4b00',
  planned: '#8a4b00',
  reopened: '#9b1c1c',
};
const DONE = '#2f6b2f';

/**
 * Public reports as points on a Leaflet map (tiles when configured, a blank grid otherwise). The
 * map is an extra view: the list next to it carries the same reports for keyboard and
 * screen-reader users, and choosing a report there moves the map to it.
 */
export function ReportsMap({
  reports,
  selected,
  onSelect,
}: {
  reports: readonly PublicReport[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const config = useMapConfig();
  const container = useRef<HTMLDivElement>(null);
  const map = useLeafletMap(container, config, DEFAULT_CENTER);
  const markers = useRef(new Map<string, CircleMarker>());
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const fitted = useRef(false);

  useEffect(() => {
    if (!map) return;
    const placed = new Map<string, CircleMarker>();
    for (const r of reports) {
      if (!r.location) continue;
      const m = circleMarker([r.location.lat, r.location.lon], {
        radius: 8,
        weight: 2,
        color: COLOURS[r.status] ?? DONE,
        fillOpacity: 0.6,
      })
        .bindTooltip(`${localized(r.category.title, i18n.language)} — ${t(`status.${r.status}`)}`)
        .bindPopup(
          () => {
            const el = document.createElement('div');
            const title = document.createElement('strong');
            title.textContent = r.theme
              ? localized(r.theme.title, i18n.language)
              : localized(r.category.title, i18n.language);
            const status = document.createElement('p');
            status.textContent = t(`status.${r.status}`);
            const text = document.createElement('p');
            text.textContent = r.text;
            el.append(title, status, text);
            return el;
          },
          { maxWidth: 280 },
        )
        .on('click', () => onSelectRef.current(r.id))
        .addTo(map);
      placed.set(r.id, m);
    }
    markers.current = placed;
    const points = reports.flatMap((r) =>
      r.location ? [[r.location.lat, r.location.lon] as [number, number]] : [],
    );
    if (!fitted.current && points.length > 0) {
      map.fitBounds(latLngBounds(points), { padding: [24, 24], maxZoom: 16, animate: false });
      fitted.current = true;
    }
    return () => {
      for (const m of placed.values()) m.remove();
    };
  }, [map, reports, t, i18n.language]);

  useEffect(() => {
    if (!map || !selected) return;
    const m = markers.current.get(selected);
    if (!m) return;
    map.panTo(m.getLatLng(), { animate: false });
    m.openPopup();
  }, [map, selected]);

  return (
    <div
      ref={container}
      className={config && !config.tileUrl ? 'map map-blank reports-map' : 'map reports-map'}
      aria-label={t('reports.mapLabel')}
    />
  );
}
