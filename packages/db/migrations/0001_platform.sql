-- Platform-wide groundwork: extensions PGlite ships, the Russian ICU collation, background jobs.
-- Valid on PostgreSQL 15 through 18 and on PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- PGlite and many servers default to the C collation, which sorts Cyrillic wrongly.
CREATE COLLATION IF NOT EXISTS ru (provider = icu, locale = 'ru-RU');
CREATE COLLATION IF NOT EXISTS en (provider = icu, locale = 'en-US');

CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  municipality_id uuid,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- A job scheduled twice with the same key exists once (e.g. 'reminder:<doc>:<due>').
  unique_key text UNIQUE,
  run_at timestamptz NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  last_error text,
  done_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE done_at IS NULL AND failed_at IS NULL;
