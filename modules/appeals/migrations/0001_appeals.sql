-- Appeals (обращения граждан, 59-FZ) and map reports, each the incoming document it was registered as.
CREATE TABLE appeals (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  service_instance_id uuid NOT NULL,
  category_code text NOT NULL,
  -- Applicant: a platform user, or requisites given on paper / by an external system.
  applicant_user_id uuid REFERENCES users (id),
  applicant_name text,
  applicant_email text,
  applicant_postal_address text,
  applicant_phone text,
  -- Geo (map reports; optional for appeals): WGS84.
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  address text,
  is_public boolean NOT NULL DEFAULT false,
  -- FixMyStreet-rich public status and the 59-FZ stage it maps to (see domain/statuses.ts).
  status text NOT NULL,
  stage text NOT NULL,
  -- 59-FZ Art. 11: grounds to give no answer on the merits (anonymous, unreadable, abusive, repeated…).
  special_handling text,
  received_at timestamptz NOT NULL,
  registered_at timestamptz,
  registration_due date NOT NULL,
  answer_due date,
  extensions integer NOT NULL DEFAULT 0,
  deadline_rule text NOT NULL,
  deadline_rule_version integer NOT NULL,
  closed_at timestamptz,
  rating integer CHECK (rating BETWEEN 1 AND 5),
  rating_comment text,
  rejected_at timestamptz,
  duplicate_of uuid,
  redirected_to text,
  idempotency_key text,
  PRIMARY KEY (municipality_id, document_id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id),
  FOREIGN KEY (municipality_id, service_instance_id) REFERENCES service_instances (municipality_id, id),
  FOREIGN KEY (municipality_id, duplicate_of) REFERENCES appeals (municipality_id, document_id),
  UNIQUE (municipality_id, idempotency_key)
);
CREATE INDEX appeals_applicant ON appeals (applicant_user_id, received_at DESC);
CREATE INDEX appeals_status ON appeals (municipality_id, status, received_at DESC);
CREATE INDEX appeals_answer_due ON appeals (municipality_id, answer_due) WHERE closed_at IS NULL;
CREATE INDEX appeals_public_geo ON appeals (municipality_id, lat, lon) WHERE is_public;

-- An appeal may hold several questions, each with a theme of the classifier and a primary/repeated mark.
CREATE TABLE appeal_questions (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  n integer NOT NULL,
  text text NOT NULL,
  theme_code text,
  -- 'primary', or 'repeated' (same applicant, same question, an earlier answer exists)
  repetition text NOT NULL DEFAULT 'primary' CHECK (repetition IN ('primary', 'repeated')),
  repeated_of uuid,
  PRIMARY KEY (municipality_id, document_id, n),
  FOREIGN KEY (municipality_id, document_id) REFERENCES appeals (municipality_id, document_id)
);
