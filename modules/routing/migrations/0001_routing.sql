-- Routing models trained inside the platform, one row per training run of a municipality, and
-- the staff's answers to the suggestions (accepted or corrected), which label the next training.
CREATE TABLE routing_models (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Reserved for models of one service instance; the platform trains one per municipality today.
  service_instance_id uuid,
  -- 1, 2, 3… per municipality.
  version integer NOT NULL,
  job_id bigint,
  -- training (the job runs), ready (stored), skipped (too few labelled appeals), failed
  status text NOT NULL CHECK (status IN ('training', 'ready', 'skipped', 'failed')),
  status_note text,
  requested_at timestamptz NOT NULL,
  trained_at timestamptz,
  examples integer NOT NULL DEFAULT 0,
  -- Holdout top-1/top-3 per head (newest 10 % of the appeals), training time, classes.
  metrics jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- The serialized model (gzip'd "ZRTM" file of @zemstvo/routing).
  model bytea,
  active boolean NOT NULL DEFAULT false,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, version)
);
-- At most one active model per municipality.
CREATE UNIQUE INDEX routing_models_active ON routing_models (municipality_id) WHERE active;

CREATE TABLE routing_feedback (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  appeal_id uuid NOT NULL,
  -- category, reason (theme) or executor
  head text NOT NULL CHECK (head IN ('category', 'reason', 'executor')),
  model_id uuid,
  -- The top 3 shown: [{"label": …, "confidence": …}], best first.
  suggested jsonb NOT NULL DEFAULT '[]'::jsonb,
  chosen text NOT NULL,
  accepted boolean NOT NULL,
  user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, appeal_id) REFERENCES appeals (municipality_id, document_id),
  FOREIGN KEY (municipality_id, model_id) REFERENCES routing_models (municipality_id, id)
);
CREATE INDEX routing_feedback_appeal ON routing_feedback (municipality_id, appeal_id, head, created_at DESC);
