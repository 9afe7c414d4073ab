-- Spikes of incoming appeals the forecast module found, each with the monitoring-signal document it
-- opened for the responsible department. One row per (municipality, group, day): a spike never
-- opens two documents, however often the scan runs.
CREATE TABLE forecast_spikes (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  group_key text NOT NULL,
  day date NOT NULL,
  service_slug text NOT NULL,
  category_code text NOT NULL,
  observed integer NOT NULL,
  expected double precision NOT NULL,
  upper_bound double precision NOT NULL,
  score double precision NOT NULL,
  department_code text,
  document_id uuid NOT NULL,
  detected_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, group_key, day),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
CREATE INDEX forecast_spikes_recent ON forecast_spikes (municipality_id, day DESC);

-- The daily spike scan of every municipality that already has applied services installed
-- (municipalities installing their first service later get theirs from the install hook).
INSERT INTO jobs (kind, municipality_id, payload, run_at, unique_key)
SELECT 'forecast.spikes.scan', m.id, jsonb_build_object('municipality', m.slug), now(), 'forecast.spikes:' || m.id || ':initial'
FROM municipalities m
WHERE EXISTS (SELECT 1 FROM service_instances s WHERE s.municipality_id = m.id)
ON CONFLICT (unique_key) DO NOTHING;
