import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { Point } from '../intake/intake-values.ts';

/** The installation's map settings (GET /api/config): the tile server, when one is configured. */
export interface MapConfig {
  /** Leaflet URL template (`https://tile.example.org/{z}/{x}/{y}.png`), or null: no tiles. */
  tileUrl: string | null;
  /** Attribution the tile server asks for (shown in the map's corner). */
  attribution: string | null;
}

interface PublicConfig {
  map?: { tileUrl?: string | null; attribution?: string | null };
}

const NO_TILES: MapConfig = { tileUrl: null, attribution: null };

/** Where the map opens when nothing is chosen yet (the demo municipalities; reports fit the map to themselves). */
export const DEFAULT_CENTER: Point = { lat: 56.8146, lon: 61.3194 };
export const DEFAULT_ZOOM = 13;

let cached: Promise<MapConfig> | null = null;

/** Asked once per page load; a server without /api/config, or any error, means "no tiles". */
export function loadMapConfig(): Promise<MapConfig> {
  cached ??= api
    .get<PublicConfig>('/api/config')
    .then((c) => ({ tileUrl: c.map?.tileUrl || null, attribution: c.map?.attribution || null }))
    .catch(() => NO_TILES);
  return cached;
}

/** The map settings, or null while they load. */
export function useMapConfig(): MapConfig | null {
  const [config, setConfig] = useState<MapConfig | null>(null);
  useEffect(() => {
    let live = true;
    void loadMapConfig().then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
