import { map as leafletMap, tileLayer, type Map as LeafletMap } from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Point } from '../intake/intake-values.ts';
import { DEFAULT_ZOOM, type MapConfig } from './map-config.ts';

/**
 * A Leaflet map in `container`, with the configured tiles when there are any. Without tiles the
 * map is a blank grid that still pans, zooms and takes clicks. Created once per container and
 * config; removed on unmount. Code moves the map without animation (`animate: false`): Leaflet
 * finishes an animated zoom from a timer that `remove()` does not cancel, and a page left within that
 * quarter second would throw `_leaflet_pos` of a removed pane.
 */
export function useLeafletMap(
  container: RefObject<HTMLDivElement | null>,
  config: MapConfig | null,
  center: Point,
): LeafletMap | null {
  const [map, setMap] = useState<LeafletMap | null>(null);
  const initialCenter = useRef(center);

  useEffect(() => {
    const el = container.current;
    if (!el || !config) return;
    const m = leafletMap(el, {
      center: [initialCenter.current.lat, initialCenter.current.lon],
      zoom: DEFAULT_ZOOM,
      keyboard: true,
      attributionControl: Boolean(config.tileUrl),
    });
    if (config.tileUrl)
      tileLayer(config.tileUrl, { maxZoom: 19, attribution: config.attribution ?? '' }).addTo(m);
    setMap(m);
    return () => {
      m.remove();
      setMap(null);
    };
  }, [container, config]);

  return map;
}
