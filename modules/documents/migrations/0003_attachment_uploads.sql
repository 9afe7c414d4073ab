-- Files uploaded before the document they belong to exists: a resident attaches photos while filling
-- in the intake form, and the appeal (its incoming document) is created when the form is sent. The
-- form carries the upload ids; the intake claims them into `attachments`. Unclaimed uploads are
-- removed after a day (bytes included). The bytes were checked by content like every attachment.
CREATE TABLE attachment_uploads (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('photo', 'audio', 'file', 'text')),
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes bigint NOT NULL,
  sha256 text NOT NULL,
  storage_key text NOT NULL,
  extracted_text text,
  -- The signed-in user who uploaded it (only they may claim it); null for an anonymous intake,
  -- where knowing the random id is what lets the form claim it.
  uploaded_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, id)
);
CREATE INDEX attachment_uploads_age ON attachment_uploads (municipality_id, created_at);
