-- Workflow of document flow: requisites of incoming letters from other bodies, control-of-execution
-- notifications, monitoring signals, and what a signature and a dispatch need to be checked later.

-- Requisites of the sender of an order (поручение) or an inter-agency request: its own number and date.
ALTER TABLE documents ADD COLUMN sender_number text;
ALTER TABLE documents ADD COLUMN sender_date date;

-- Who a resolution's predecessor was (re-assignment supersedes the previous resolution).
ALTER TABLE resolutions ADD COLUMN supersedes uuid;

-- The municipality as the signature named it, for public verification without a login.
ALTER TABLE signatures ADD COLUMN municipality_name_ru text;
ALTER TABLE signatures ADD COLUMN municipality_name_en text;

ALTER TABLE dispatches ADD COLUMN created_by uuid REFERENCES users (id);
ALTER TABLE dispatches ADD COLUMN mail_id uuid;

-- Notifications of staff (reminders, escalations, new assignments, approvals): shown in the
-- workspace (GET /api/me/notifications) and sent by e-mail through the mail outbox.
CREATE TABLE notifications (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{1,39}$'),
  document_id uuid,
  assignment_id uuid,
  text_ru text NOT NULL,
  text_en text NOT NULL,
  -- Where the notification leads in the web app (e.g. /m/zarechny/documents/<id>).
  link text,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id),
  FOREIGN KEY (municipality_id, assignment_id) REFERENCES assignments (municipality_id, id)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC);
CREATE INDEX notifications_assignment ON notifications (municipality_id, assignment_id, kind) WHERE assignment_id IS NOT NULL;

-- A monitoring signal posted by an external system (API token), registered as an incoming document.
-- Idempotent by the source's own event id.
CREATE TABLE doc_signals (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  source text NOT NULL,
  event_id text NOT NULL,
  type text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  observed_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, document_id),
  UNIQUE (municipality_id, source, event_id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);

CREATE INDEX resolutions_active ON resolutions (municipality_id, document_id) WHERE status = 'active';
CREATE INDEX approval_steps_doc ON approval_steps (municipality_id, document_id, round, stage);
CREATE INDEX signatures_doc ON signatures (municipality_id, document_id);
CREATE INDEX dispatches_doc ON dispatches (municipality_id, document_id);
