-- When a spike is over: a later scan found its category back within the forecast's band for
-- several consecutive days (SPIKE_OVER_DAYS in modules/forecast/src/application/end-spikes.ts).
-- ended_on: the last of those days; end_action: what the scan did with the signal document —
-- closed it (nobody had taken it into work), noted «всплеск завершился» in its history (staff had),
-- or nothing (staff had closed it already). Open spikes have ended_on NULL.
ALTER TABLE forecast_spikes ADD COLUMN ended_on date;
ALTER TABLE forecast_spikes ADD COLUMN end_action text;
ALTER TABLE forecast_spikes ADD COLUMN ended_at timestamptz;
ALTER TABLE forecast_spikes ADD CONSTRAINT forecast_spikes_end_action
  CHECK (end_action IN ('closed', 'noted', 'none') AND ended_on IS NOT NULL AND ended_at IS NOT NULL
         OR end_action IS NULL AND ended_on IS NULL AND ended_at IS NULL);
CREATE INDEX forecast_spikes_open ON forecast_spikes (municipality_id, group_key) WHERE ended_on IS NULL;
