-- Regions → municipalities → departments → positions; users; roles per municipality.
-- Every tenant-owned table carries municipality_id in its primary key and in every foreign key
-- to another tenant-owned table, so the schema can be distributed by municipality_id later.

CREATE TABLE regions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE municipalities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions (id),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  -- Text-search configuration for this municipality's documents; never hard-coded in queries.
  fts_config text NOT NULL DEFAULT 'russian' CHECK (fts_config IN ('russian', 'english', 'simple')),
  timezone text NOT NULL DEFAULT 'Europe/Moscow',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX municipalities_region ON municipalities (region_id);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  display_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('resident', 'staff', 'regional', 'operator')),
  region_id uuid REFERENCES regions (id),
  locale text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en')),
  password_hash text,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'regional' OR region_id IS NOT NULL)
);
CREATE UNIQUE INDEX users_email ON users (lower(email));

CREATE TABLE departments (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  parent_id uuid,
  code text,
  name_ru text NOT NULL,
  name_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, parent_id) REFERENCES departments (municipality_id, id)
);

CREATE TABLE positions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  department_id uuid NOT NULL,
  title_ru text NOT NULL,
  title_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, department_id) REFERENCES departments (municipality_id, id)
);

CREATE TABLE roles (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]{1,62}$'),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  permissions text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, key)
);

-- A staff member of a municipality, optionally holding a position there.
CREATE TABLE memberships (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  user_id uuid NOT NULL REFERENCES users (id),
  position_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, user_id),
  FOREIGN KEY (municipality_id, position_id) REFERENCES positions (municipality_id, id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE user_roles (
  municipality_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, user_id, role_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES memberships (municipality_id, user_id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, role_id) REFERENCES roles (municipality_id, id) ON DELETE CASCADE
);
