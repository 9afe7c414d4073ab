-- Document flow (DOC): registration journals, documents of any kind, their history, attachments,
-- resolutions and assignments, draft versions, approval routes, signatures and dispatch.
-- Tenant-owned: municipality_id leads every primary key and every foreign key between these tables.

CREATE TABLE doc_journals (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,39}$'),
  name_ru text NOT NULL,
  name_en text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'internal')),
  -- e.g. 'ОГ-{yyyy}/{seq:6}' → ОГ-2026/000123; see numbering.ts
  number_format text NOT NULL,
  reset_yearly boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, code)
);

CREATE TABLE doc_journal_counters (
  municipality_id uuid NOT NULL,
  journal_id uuid NOT NULL,
  year integer NOT NULL,
  last_value integer NOT NULL,
  PRIMARY KEY (municipality_id, journal_id, year),
  FOREIGN KEY (municipality_id, journal_id) REFERENCES doc_journals (municipality_id, id)
);

CREATE TABLE documents (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  direction text NOT NULL CHECK (direction IN ('incoming', 'outgoing', 'internal')),
  -- appeal, order, interagency_request, signal, answer, notice, letter, report, …
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{1,39}$'),
  status text NOT NULL,
  journal_id uuid,
  reg_number text,
  reg_date timestamptz,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  -- Who wrote it: a platform user, or requisites of an outside author (organisation, citizen by post).
  author_user_id uuid REFERENCES users (id),
  author_name text,
  author_org text,
  addressee text,
  signatory_user_id uuid REFERENCES users (id),
  source_channel text NOT NULL DEFAULT 'web',
  parent_id uuid,
  service_instance_id uuid,
  external_ref text,
  due_date date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  UNIQUE (municipality_id, journal_id, reg_number),
  FOREIGN KEY (municipality_id, journal_id) REFERENCES doc_journals (municipality_id, id),
  FOREIGN KEY (municipality_id, parent_id) REFERENCES documents (municipality_id, id)
);
CREATE INDEX documents_recent ON documents (municipality_id, created_at DESC);
CREATE INDEX documents_parent ON documents (municipality_id, parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX documents_status ON documents (municipality_id, status, created_at DESC);

-- The full history of a document: every step, who, when, what.
CREATE TABLE document_events (
  municipality_id uuid NOT NULL,
  id bigint GENERATED ALWAYS AS IDENTITY,
  document_id uuid NOT NULL,
  at timestamptz NOT NULL,
  actor_user_id uuid,
  actor_label text NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
CREATE INDEX document_events_doc ON document_events (municipality_id, document_id, id);

-- Files of any kind (photo, audio, file) and links; bytes live in the storage (local disk or S3).
CREATE TABLE attachments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('photo', 'audio', 'file', 'text', 'link')),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text,
  storage_key text,
  url text,
  extracted_text text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
CREATE INDEX attachments_doc ON attachments (municipality_id, document_id);

-- Resolution (резолюция) of a head on an incoming document: instruction, executors, due date.
CREATE TABLE resolutions (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL,
  author_user_id uuid NOT NULL REFERENCES users (id),
  instruction text NOT NULL,
  due_date date NOT NULL,
  -- active; superseded when a head re-assigns; done when the assignments are done
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'done')),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
CREATE INDEX resolutions_doc ON resolutions (municipality_id, document_id);

CREATE TABLE assignments (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  resolution_id uuid NOT NULL,
  document_id uuid NOT NULL,
  executor_user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('responsible', 'co_executor')),
  due_date date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  report text,
  completed_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, resolution_id) REFERENCES resolutions (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
CREATE INDEX assignments_executor ON assignments (municipality_id, executor_user_id, status, due_date);
CREATE INDEX assignments_due ON assignments (municipality_id, due_date) WHERE status = 'open';

-- Every saved state of a draft (outgoing document): text, fields, rendered DOCX/PDF.
CREATE TABLE document_versions (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  version integer NOT NULL,
  template_code text,
  fields jsonb NOT NULL DEFAULT '{}'::jsonb,
  body text NOT NULL,
  docx_key text,
  pdf_key text,
  pdf_sha256 text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  comment text,
  PRIMARY KEY (municipality_id, document_id, version),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);

-- Approval route of one version: steps with the same stage run in parallel, stages in order.
CREATE TABLE approval_steps (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL,
  round integer NOT NULL,          -- a new round starts after a return for rework
  stage integer NOT NULL,
  approver_user_id uuid NOT NULL REFERENCES users (id),
  decision text NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'approved', 'returned', 'skipped')),
  comment text,
  version integer NOT NULL,
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
CREATE INDEX approval_steps_pending ON approval_steps (municipality_id, approver_user_id) WHERE decision = 'pending';

-- Simple electronic signature (63-FZ Art. 5 p.2): who, when, and the SHA-256 of the exact bytes.
CREATE TABLE signatures (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL,
  version integer NOT NULL,
  method text NOT NULL DEFAULT 'simple',   -- 'simple' or a qualified-signature plug-in's name
  signer_user_id uuid NOT NULL REFERENCES users (id),
  signer_name text NOT NULL,
  signer_position text,
  signed_at timestamptz NOT NULL,
  file_sha256 text NOT NULL,
  file_key text NOT NULL,
  signature_data text,                     -- detached signature of a plug-in (CMS), if any
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
-- Public verification looks a file up by its hash, whoever holds it.
CREATE INDEX signatures_sha ON signatures (file_sha256);

CREATE TABLE dispatches (
  municipality_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('cabinet', 'email', 'post')),
  address text,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('queued', 'sent', 'failed', 'printed')),
  at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
