import type { Localized } from './types.ts';

/** The forecast API (modules/forecast): weekly forecast per category, spikes, the spike scan. */

export interface ForecastGroup {
  key: string;
  service: string;
  category: string | null;
  label: Localized;
  department: string | null;
  status: 'ok' | 'insufficient_history';
  weeks_observed: number;
  history: { week_start: string; count: number }[];
  forecast: { week_start: string; forecast: number; lo: number; hi: number }[];
  backtest: {
    origins: number;
    forecasts: number;
    horizon: number;
    model: { mae: number; mase: number; coverage: number };
    naive: { mae: number; mase: number };
    better: 'model' | 'naive' | 'tie';
  } | null;
}

export interface ForecastResponse {
  by: 'category' | 'service';
  level: number;
  horizon: number;
  min_weeks: number;
  window: { from: string; to: string };
  /** The data ends well before today (an imported archive): the forecast starts where it ends. */
  stale: boolean;
  groups: ForecastGroup[];
  total: ForecastGroup;
}

export interface SpikeItem {
  key: string;
  service: string;
  category: string;
  label: Localized;
  day: string;
  observed: number;
  expected: number;
  upper_bound: number;
  department: string | null;
  department_name: Localized | null;
  document_id: string;
  detected_at: string;
  /** The last of the normal days after which the spike was found over; null while it lasts. */
  ended_on: string | null;
  /** What the scan did then: closed the signal, noted the end in its history, or nothing. */
  end_action: 'closed' | 'noted' | 'none' | null;
}

export interface ScanResponse {
  scanned_groups: number;
  opened: number;
  spikes: { key: string; day: string; document_id: string; opened: boolean }[];
  ended: {
    key: string;
    day: string;
    document_id: string;
    ended_on: string;
    action: 'closed' | 'noted' | 'none';
  }[];
}

export const forecastPath = (slug: string, horizon: number) =>
  `/api/m/${encodeURIComponent(slug)}/forecast?by=category&horizon=${horizon}&weeks_back=52`;
export const spikesPath = (slug: string) => `/api/m/${encodeURIComponent(slug)}/forecast/spikes?limit=20`;
export const scanPath = (slug: string) => `/api/m/${encodeURIComponent(slug)}/forecast/spikes/scan`;
