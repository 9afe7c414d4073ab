-- Applied-service packages installed by a municipality as instances with their own settings.
-- A package may be installed twice (e.g. two intake channels with different settings).
CREATE TABLE service_instances (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  package_slug text NOT NULL,
  package_version text NOT NULL,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  enabled boolean NOT NULL DEFAULT true,
  installed_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, slug)
);
