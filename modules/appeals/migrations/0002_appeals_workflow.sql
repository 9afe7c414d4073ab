-- Appeals as the module runs them: intake form values, idempotent intake, Art. 11 handling,
-- redirect and notice deadlines, the staff inbox's search and indexes; the operator's calendar.

ALTER TABLE appeals
  -- The intake form as submitted (keys of the package's intake form).
  ADD COLUMN form jsonb NOT NULL DEFAULT '{}'::jsonb,
  ADD COLUMN theme_code text,
  ADD COLUMN source_channel text NOT NULL DEFAULT 'web',
  -- SHA-256 of the canonical request that created the appeal: a retry with the same key must match it.
  ADD COLUMN idempotency_hash text,
  -- 59-FZ Art. 11 p.1: an anonymous appeal about a crime is forwarded to the competent body.
  ADD COLUMN crime_forwarded_to text,
  ADD COLUMN special_handling_note text,
  -- Art. 8 p.3 and Art. 11 p.2, 4, 4.1: notices and redirects are due within 7 days of registration.
  ADD COLUMN redirect_due date,
  ADD COLUMN notice_due date,
  ADD COLUMN extension_reason text,
  ADD COLUMN rejection_comment text,
  ADD COLUMN answer_document_id uuid,
  ADD COLUMN updated_at timestamptz,
  -- Lower-cased number, applicant, e-mail and text for the inbox's search box (trigram index).
  ADD COLUMN search_text text NOT NULL DEFAULT '',
  ADD CONSTRAINT appeals_channel CHECK (source_channel ~ '^[a-z][a-z0-9_]{1,19}$'),
  ADD CONSTRAINT appeals_special_handling CHECK (
    special_handling IS NULL OR special_handling IN
      ('anonymous', 'crime_forwarded', 'court_decision', 'abusive', 'unreadable', 'essence_unclear', 'repeated_no_new_arguments')
  );

-- Staff inbox: every box is one municipality's appeals in received order; the keys serve its filters.
CREATE INDEX appeals_inbox ON appeals (municipality_id, received_at DESC, document_id);
CREATE INDEX appeals_inbox_open_due ON appeals (municipality_id, answer_due, registration_due) WHERE closed_at IS NULL;
CREATE INDEX appeals_inbox_category ON appeals (municipality_id, category_code, received_at DESC);
CREATE INDEX appeals_search ON appeals USING gin (search_text gin_trgm_ops);
-- Repeated questions: the applicant's earlier appeals.
CREATE INDEX appeals_applicant_email ON appeals (municipality_id, lower(applicant_email)) WHERE applicant_email IS NOT NULL;
CREATE INDEX appeal_questions_theme ON appeal_questions (municipality_id, theme_code);

-- Operator overrides of the production calendar (a regional holiday, a worked Saturday): they win
-- over the federal calendar in every deadline computation.
CREATE TABLE calendar_overrides (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('off', 'working')),
  note text NOT NULL DEFAULT '',
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL
);
