-- Knowledge base (BD): one search entry per document (appeals, map reports, answers, orders…),
-- maintained by triggers in the same transaction as the data it reflects, so search never lags
-- behind document flow and no module has to remember to call an indexer.
-- The text search configuration is the municipality's own (municipalities.fts_config), per row.

CREATE TABLE search_entries (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  cfg regconfig NOT NULL,
  kind text NOT NULL,
  direction text NOT NULL,
  title text NOT NULL,
  -- The document's text (an appeal's text and address), and the text extracted from its files.
  body text NOT NULL,
  files_text text NOT NULL DEFAULT '',
  reg_number text,
  -- An appeal's public status, else the document's status.
  status text NOT NULL,
  doc_date timestamptz NOT NULL,
  service_instance_id uuid,
  category_code text,
  theme_code text,
  district text,
  applicant_user_id uuid,
  -- Shown on the public map: public, registered, without an Art. 11 ground (see appeals' publicRepo).
  is_public_report boolean NOT NULL DEFAULT false,
  closed boolean NOT NULL DEFAULT false,
  lat double precision,
  lon double precision,
  executor_user_id uuid,
  -- Names to mask wherever the text is published (applicant, author, addressee).
  person_names text[] NOT NULL DEFAULT '{}',
  -- Addresses, dates, amounts, phones… extracted by the knowledge module (NULL: not yet / text changed).
  metadata jsonb,
  -- The start of the text, lower-cased: trigram similarity ("similar documents", duplicates).
  sim_text text NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(cfg, coalesce(reg_number, '') || ' ' || title), 'A') ||
    setweight(to_tsvector(cfg, body), 'B') ||
    setweight(to_tsvector(cfg, files_text), 'C')
  ) STORED,
  PRIMARY KEY (municipality_id, document_id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX search_entries_tsv ON search_entries USING gin (tsv);
CREATE INDEX search_entries_recent ON search_entries (municipality_id, doc_date DESC);
CREATE INDEX search_entries_sim ON search_entries USING gin (sim_text gin_trgm_ops);
CREATE INDEX search_entries_applicant ON search_entries (applicant_user_id) WHERE applicant_user_id IS NOT NULL;
CREATE INDEX search_entries_public_geo ON search_entries (municipality_id, category_code, lat, lon)
  WHERE is_public_report AND lat IS NOT NULL;

-- Every stem (lexeme) seen in a municipality's documents: typo tolerance corrects query words
-- against it by trigram similarity. Append-only; a stale stem only costs a correction that finds nothing.
CREATE TABLE search_lexicon (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  word text NOT NULL,
  PRIMARY KEY (municipality_id, word)
);
CREATE INDEX search_lexicon_trgm ON search_lexicon USING gin (word gin_trgm_ops);

-- Residents who support a public report instead of filing the same problem again.
CREATE TABLE report_supporters (
  municipality_id uuid NOT NULL,
  appeal_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, appeal_id, user_id),
  FOREIGN KEY (municipality_id, appeal_id) REFERENCES appeals (municipality_id, document_id)
);

-- Rebuilds one document's entry from its sources (idempotent).
CREATE FUNCTION knowledge_refresh(p_m uuid, p_doc uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (
    municipality_id, document_id, cfg, kind, direction, title, body, files_text, reg_number, status, doc_date,
    service_instance_id, category_code, theme_code, district, applicant_user_id, is_public_report, closed,
    lat, lon, executor_user_id, person_names, metadata, sim_text)
  SELECT d.municipality_id, d.id, m.fts_config::regconfig, d.kind, d.direction, d.title,
    d.body || coalesce(E'\n' || nullif(a.address, ''), ''),
    coalesce((SELECT string_agg(x.extracted_text, E'\n' ORDER BY x.created_at) FROM attachments x
      WHERE x.municipality_id = d.municipality_id AND x.document_id = d.id AND x.extracted_text IS NOT NULL), ''),
    d.reg_number, coalesce(a.status, d.status), coalesce(d.reg_date, a.received_at, d.created_at),
    coalesce(a.service_instance_id, d.service_instance_id), a.category_code, a.theme_code,
    nullif(a.form ->> 'district', ''), a.applicant_user_id,
    coalesce(a.is_public AND a.registered_at IS NOT NULL AND a.special_handling IS NULL, false),
    coalesce(a.closed_at IS NOT NULL, d.status IN ('closed', 'dispatched', 'cancelled')),
    a.lat, a.lon,
    (SELECT s.executor_user_id FROM assignments s WHERE s.municipality_id = d.municipality_id AND s.document_id = d.id
       AND s.role = 'responsible' AND s.status <> 'cancelled' ORDER BY s.created_at DESC LIMIT 1),
    array_remove(ARRAY[d.author_name, d.addressee, a.applicant_name, a.form ->> 'last_name', a.form ->> 'first_name',
      a.form ->> 'patronymic', a.form ->> 'name', pa.applicant_name, pa.form ->> 'last_name', pa.form ->> 'first_name',
      pa.form ->> 'patronymic', pa.form ->> 'name'], NULL),
    NULL,
    left(lower(d.title || ' ' || d.body), 1000)
  FROM documents d
  JOIN municipalities m ON m.id = d.municipality_id
  LEFT JOIN appeals a ON a.municipality_id = d.municipality_id AND a.document_id = d.id
  LEFT JOIN appeals pa ON pa.municipality_id = d.municipality_id AND pa.document_id = d.parent_id
  WHERE d.municipality_id = p_m AND d.id = p_doc
  ON CONFLICT (municipality_id, document_id) DO UPDATE SET
    cfg = EXCLUDED.cfg, kind = EXCLUDED.kind, direction = EXCLUDED.direction, title = EXCLUDED.title,
    body = EXCLUDED.body, files_text = EXCLUDED.files_text, reg_number = EXCLUDED.reg_number,
    status = EXCLUDED.status, doc_date = EXCLUDED.doc_date, service_instance_id = EXCLUDED.service_instance_id,
    category_code = EXCLUDED.category_code, theme_code = EXCLUDED.theme_code, district = EXCLUDED.district,
    applicant_user_id = EXCLUDED.applicant_user_id, is_public_report = EXCLUDED.is_public_report,
    closed = EXCLUDED.closed, lat = EXCLUDED.lat, lon = EXCLUDED.lon, executor_user_id = EXCLUDED.executor_user_id,
    person_names = EXCLUDED.person_names, sim_text = EXCLUDED.sim_text,
    metadata = CASE WHEN e.title = EXCLUDED.title AND e.body = EXCLUDED.body AND e.files_text = EXCLUDED.files_text
      THEN e.metadata END;
  INSERT INTO search_lexicon (municipality_id, word)
    SELECT DISTINCT p_m, l.lexeme FROM search_entries e2, unnest(e2.tsv) AS l
    WHERE e2.municipality_id = p_m AND e2.document_id = p_doc AND char_length(l.lexeme) BETWEEN 3 AND 40
      AND l.lexeme !~ '[0-9]'
  ON CONFLICT DO NOTHING;
END $$;

CREATE FUNCTION knowledge_on_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM knowledge_refresh(NEW.municipality_id, NEW.id);
  RETURN NULL;
END $$;

CREATE FUNCTION knowledge_on_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM knowledge_refresh(OLD.municipality_id, OLD.document_id);
  ELSE
    PERFORM knowledge_refresh(NEW.municipality_id, NEW.document_id);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER knowledge_document_insert AFTER INSERT ON documents
  FOR EACH ROW EXECUTE FUNCTION knowledge_on_document();
CREATE TRIGGER knowledge_document_update AFTER UPDATE ON documents
  FOR EACH ROW WHEN ((OLD.title, OLD.body, OLD.status, OLD.reg_number, OLD.reg_date, OLD.author_name, OLD.addressee)
    IS DISTINCT FROM (NEW.title, NEW.body, NEW.status, NEW.reg_number, NEW.reg_date, NEW.author_name, NEW.addressee))
  EXECUTE FUNCTION knowledge_on_document();
CREATE TRIGGER knowledge_appeal_insert AFTER INSERT ON appeals
  FOR EACH ROW EXECUTE FUNCTION knowledge_on_child();
CREATE TRIGGER knowledge_appeal_update AFTER UPDATE ON appeals
  FOR EACH ROW WHEN ((OLD.status, OLD.category_code, OLD.theme_code, OLD.is_public, OLD.registered_at, OLD.special_handling,
      OLD.closed_at, OLD.lat, OLD.lon, OLD.address, OLD.applicant_user_id, OLD.applicant_name, OLD.form)
    IS DISTINCT FROM (NEW.status, NEW.category_code, NEW.theme_code, NEW.is_public, NEW.registered_at, NEW.special_handling,
      NEW.closed_at, NEW.lat, NEW.lon, NEW.address, NEW.applicant_user_id, NEW.applicant_name, NEW.form))
  EXECUTE FUNCTION knowledge_on_child();
CREATE TRIGGER knowledge_attachment_change AFTER INSERT OR UPDATE OR DELETE ON attachments
  FOR EACH ROW EXECUTE FUNCTION knowledge_on_child();
CREATE TRIGGER knowledge_assignment_change AFTER INSERT OR UPDATE OF status, executor_user_id ON assignments
  FOR EACH ROW EXECUTE FUNCTION knowledge_on_child();

-- A municipality that switches its language re-stems its documents.
CREATE FUNCTION knowledge_on_fts_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_entries SET cfg = NEW.fts_config::regconfig WHERE municipality_id = NEW.id;
  INSERT INTO search_lexicon (municipality_id, word)
    SELECT DISTINCT NEW.id, l.lexeme FROM search_entries e, unnest(e.tsv) AS l
    WHERE e.municipality_id = NEW.id AND char_length(l.lexeme) BETWEEN 3 AND 40 AND l.lexeme !~ '[0-9]'
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER knowledge_municipality_fts AFTER UPDATE OF fts_config ON municipalities
  FOR EACH ROW WHEN (OLD.fts_config IS DISTINCT FROM NEW.fts_config) EXECUTE FUNCTION knowledge_on_fts_config();

-- Documents that exist before this migration.
SELECT knowledge_refresh(municipality_id, id) FROM documents;
