-- Cheaper indexing: one appeal intake touched its search entry 2–4 times (document, appeal,
-- attachments, assignments), each rebuild also probing the lexicon. Now a change only marks its
-- document dirty, and a deferred constraint trigger rebuilds each dirty document's entry ONCE, at
-- commit, in the same transaction: search still never lags behind document flow (after commit),
-- but inside the writing transaction the entry shows the state before it.
-- The typo lexicon (search_lexicon) is no longer fed per row: knowledge_lexicon_catch_up() adds the
-- stems of entries changed since, set-based. Search calls it before correcting typos (a bounded
-- batch), bulk loaders call it after loading (`catchUpLexicon`); a backlog larger than a batch
-- (after a bulk load that did not call it) makes corrections miss the newest stems until drained.

-- Documents changed by the current transaction (rows never outlive it: the flush deletes them).
CREATE TABLE search_dirty (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, document_id)
);

-- Entries whose stems the lexicon has not seen yet (filled by the flush, drained by the catch-up).
CREATE TABLE search_lexicon_pending (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, document_id)
);

-- What a document's entry should be, from its sources (one definition for one and for many).
CREATE VIEW search_entry_sources AS
  SELECT d.municipality_id, d.id AS document_id, m.fts_config::regconfig AS cfg, d.kind, d.direction, d.title,
    d.body || coalesce(E'\n' || nullif(a.address, ''), '') AS body,
    coalesce((SELECT string_agg(x.extracted_text, E'\n' ORDER BY x.created_at) FROM attachments x
      WHERE x.municipality_id = d.municipality_id AND x.document_id = d.id AND x.extracted_text IS NOT NULL), '') AS files_text,
    d.reg_number, coalesce(a.status, d.status) AS status, coalesce(d.reg_date, a.received_at, d.created_at) AS doc_date,
    coalesce(a.service_instance_id, d.service_instance_id) AS service_instance_id, a.category_code, a.theme_code,
    nullif(a.form ->> 'district', '') AS district, a.applicant_user_id,
    coalesce(a.is_public AND a.registered_at IS NOT NULL AND a.special_handling IS NULL, false) AS is_public_report,
    coalesce(a.closed_at IS NOT NULL, d.status IN ('closed', 'dispatched', 'cancelled')) AS closed,
    a.lat, a.lon,
    (SELECT s.executor_user_id FROM assignments s WHERE s.municipality_id = d.municipality_id AND s.document_id = d.id
       AND s.role = 'responsible' AND s.status <> 'cancelled' ORDER BY s.created_at DESC LIMIT 1) AS executor_user_id,
    array_remove(ARRAY[d.author_name, d.addressee, a.applicant_name, a.form ->> 'last_name', a.form ->> 'first_name',
      a.form ->> 'patronymic', a.form ->> 'name', pa.applicant_name, pa.form ->> 'last_name', pa.form ->> 'first_name',
      pa.form ->> 'patronymic', pa.form ->> 'name'], NULL) AS person_names,
    left(lower(d.title || ' ' || d.body), 1000) AS sim_text
  FROM documents d
  JOIN municipalities m ON m.id = d.municipality_id
  LEFT JOIN appeals a ON a.municipality_id = d.municipality_id AND a.document_id = d.id
  LEFT JOIN appeals pa ON pa.municipality_id = d.municipality_id AND pa.document_id = d.parent_id;

-- Rebuilds one document's entry from its sources (idempotent); the lexicon is left to the catch-up.
CREATE OR REPLACE FUNCTION knowledge_refresh(p_m uuid, p_doc uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_entries AS e (
    municipality_id, document_id, cfg, kind, direction, title, body, files_text, reg_number, status, doc_date,
    service_instance_id, category_code, theme_code, district, applicant_user_id, is_public_report, closed,
    lat, lon, executor_user_id, person_names, metadata, sim_text)
  SELECT s.municipality_id, s.document_id, s.cfg, s.kind, s.direction, s.title, s.body, s.files_text, s.reg_number,
    s.status, s.doc_date, s.service_instance_id, s.category_code, s.theme_code, s.district, s.applicant_user_id,
    s.is_public_report, s.closed, s.lat, s.lon, s.executor_user_id, s.person_names, NULL, s.sim_text
  FROM search_entry_sources s
  WHERE s.municipality_id = p_m AND s.document_id = p_doc
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
END $$;

-- Bulk loaders (which load with triggers off: session_replication_role = replica) rebuild every
-- entry of a municipality set-based, and queue their stems; returns the number of entries.
CREATE FUNCTION knowledge_reindex(p_m uuid) RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  DELETE FROM search_entries WHERE municipality_id = p_m;
  INSERT INTO search_entries (
    municipality_id, document_id, cfg, kind, direction, title, body, files_text, reg_number, status, doc_date,
    service_instance_id, category_code, theme_code, district, applicant_user_id, is_public_report, closed,
    lat, lon, executor_user_id, person_names, metadata, sim_text)
  SELECT s.municipality_id, s.document_id, s.cfg, s.kind, s.direction, s.title, s.body, s.files_text, s.reg_number,
    s.status, s.doc_date, s.service_instance_id, s.category_code, s.theme_code, s.district, s.applicant_user_id,
    s.is_public_report, s.closed, s.lat, s.lon, s.executor_user_id, s.person_names, NULL, s.sim_text
  FROM search_entry_sources s WHERE s.municipality_id = p_m;
  GET DIAGNOSTICS n = ROW_COUNT;
  INSERT INTO search_lexicon_pending SELECT municipality_id, document_id FROM search_entries WHERE municipality_id = p_m
  ON CONFLICT DO NOTHING;
  RETURN n;
END $$;

-- Adds the stems of pending entries to the lexicon, set-based; returns how many entries it took.
CREATE FUNCTION knowledge_lexicon_catch_up(p_limit int DEFAULT 10000) RETURNS int LANGUAGE plpgsql AS $$
DECLARE n int;
BEGIN
  WITH taken AS (
    DELETE FROM search_lexicon_pending p
    WHERE (p.municipality_id, p.document_id) IN (
      SELECT municipality_id, document_id FROM search_lexicon_pending LIMIT p_limit FOR UPDATE SKIP LOCKED)
    RETURNING p.municipality_id, p.document_id
  ), words AS (
    INSERT INTO search_lexicon (municipality_id, word)
      SELECT DISTINCT e.municipality_id, l.lexeme
      FROM taken t JOIN search_entries e ON e.municipality_id = t.municipality_id AND e.document_id = t.document_id,
        unnest(e.tsv) AS l
      WHERE char_length(l.lexeme) BETWEEN 3 AND 40 AND l.lexeme !~ '[0-9]'
      ORDER BY 1, 2 -- one lock order for concurrent catch-ups
    ON CONFLICT DO NOTHING
  )
  SELECT count(*)::int INTO n FROM taken;
  RETURN n;
END $$;

-- Row triggers only mark the document; the lexicon is fed by the catch-up.
CREATE OR REPLACE FUNCTION knowledge_on_document() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_dirty VALUES (NEW.municipality_id, NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION knowledge_on_child() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO search_dirty VALUES (OLD.municipality_id, OLD.document_id) ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO search_dirty VALUES (NEW.municipality_id, NEW.document_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

-- At commit (or SET CONSTRAINTS … IMMEDIATE), once per dirty document: unmark, rebuild, queue its stems.
CREATE FUNCTION knowledge_flush_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_dirty WHERE municipality_id = NEW.municipality_id AND document_id = NEW.document_id;
  IF FOUND THEN
    PERFORM knowledge_refresh(NEW.municipality_id, NEW.document_id);
    INSERT INTO search_lexicon_pending VALUES (NEW.municipality_id, NEW.document_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER knowledge_flush AFTER INSERT ON search_dirty
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION knowledge_flush_dirty();

-- A municipality that switches its language re-stems its documents; their stems join the lexicon.
CREATE OR REPLACE FUNCTION knowledge_on_fts_config() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_entries SET cfg = NEW.fts_config::regconfig WHERE municipality_id = NEW.id;
  INSERT INTO search_lexicon_pending SELECT municipality_id, document_id FROM search_entries WHERE municipality_id = NEW.id
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
