-- Per-day summaries of appeals for the dashboard: a year's dashboard reads thousands of summary
-- rows instead of hundreds of thousands of wide appeal rows (issue 4: p95 <= 200 ms at 1,000,000).
--
-- analytics_cases holds each appeal's analytic key (one narrow row per appeal), analytics_days the
-- count of appeals per key. Both are kept in the transaction of every change to appeals or to their
-- responsible assignments (intake, registration, answers, reclassification, ratings, merges,
-- imports, raw SQL alike): row triggers mark the appeal, and at commit a deferred trigger moves each
-- marked appeal from its old key to its new one (inside the writing transaction, before commit, the
-- summaries still show the state before it). Bulk loaders that turn triggers off call
-- analytics_rebuild(municipality) afterwards.
--
-- "Overdue now" depends on today, so an open case keeps the first day it is overdue
-- (overdue_from) instead of a flag: the dashboard counts open cases with overdue_from <= today.
-- Days are local days of the municipality (Europe/Moscow, as the dashboard counts them).

CREATE TABLE analytics_cases (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  -- Local day of receipt.
  day date NOT NULL,
  service_instance_id uuid NOT NULL,
  category text NOT NULL,
  theme text,
  district text,
  -- The responsible executor: a staff member (latest responsible, not cancelled assignment), else
  -- the organisation and department named at intake/import.
  executor_user uuid,
  executor_org text,
  executor_department text,
  -- State bits (as the dashboard's STATE): 1 registered, 2 closed, 8 answered late, 16 on time,
  -- 32 rejected; 4 (overdue now) is added when read, from overdue_from.
  st smallint NOT NULL,
  -- Open cases: the first local day on which the case is overdue (59-FZ Art. 8 part 3: registration
  -- within 3 days; Art. 12: answer within 30 days), NULL when it has no due date.
  overdue_from date,
  -- Closed cases: tenths of a day from receipt to the answer, and the local day of the answer.
  d10 integer,
  closed_day date,
  rating integer,
  PRIMARY KEY (municipality_id, document_id)
);

CREATE TABLE analytics_days (
  municipality_id uuid NOT NULL,
  day date NOT NULL,
  service_instance_id uuid NOT NULL,
  category text NOT NULL,
  theme text,
  district text,
  executor_user uuid,
  executor_org text,
  executor_department text,
  st smallint NOT NULL,
  overdue_from date,
  d10 integer,
  closed_day date,
  -- Appeals with this key, how many of them are rated, and the sum of their ratings.
  n integer NOT NULL,
  rated integer NOT NULL,
  rating_sum bigint NOT NULL
);
CREATE UNIQUE INDEX analytics_days_key ON analytics_days (municipality_id, day, service_instance_id, category, theme,
  district, executor_user, executor_org, executor_department, st, overdue_from, d10, closed_day) NULLS NOT DISTINCT;
-- The dashboard's answered series reads the summaries by the day of the answer.
CREATE INDEX analytics_days_closed ON analytics_days (municipality_id, closed_day) WHERE closed_day IS NOT NULL;

-- The responsible executor of a document is looked up on every change of an appeal.
CREATE INDEX assignments_responsible ON assignments (municipality_id, document_id, created_at DESC)
  WHERE role = 'responsible' AND status <> 'cancelled';

-- An appeal's analytic key but the staff executor, from the appeal alone.
CREATE VIEW analytics_appeal_keys AS
  SELECT a.municipality_id, a.document_id,
    (a.received_at AT TIME ZONE 'Europe/Moscow')::date AS day,
    a.service_instance_id, a.category_code AS category, a.theme_code AS theme,
    nullif(a.form ->> 'district', '') AS district,
    nullif(a.form ->> 'executor_org', '') AS executor_org,
    a.form ->> 'executor_department_id' AS executor_department,
    ((a.registered_at IS NOT NULL)::int + (a.rejected_at IS NOT NULL)::int * 32
      + CASE WHEN a.closed_at IS NULL THEN 0
        WHEN a.answer_due IS NULL THEN 2
        WHEN (a.closed_at AT TIME ZONE 'Europe/Moscow')::date > a.answer_due THEN 2 + 8
        ELSE 2 + 16 END)::smallint AS st,
    CASE WHEN a.closed_at IS NOT NULL THEN NULL
      WHEN a.registered_at IS NULL THEN a.registration_due + 1
      ELSE least(a.answer_due, a.notice_due) + 1 END AS overdue_from,
    CASE WHEN a.closed_at IS NOT NULL
      THEN floor(date_part('epoch', a.closed_at - a.received_at) / 86400::float8 * 10)::int END AS d10,
    (a.closed_at AT TIME ZONE 'Europe/Moscow')::date AS closed_day,
    a.rating
  FROM appeals a;

-- The analytics_cases row of an appeal with its staff executor (columns in the table's order): an
-- organisation named at intake counts only while no staff member is responsible.
CREATE FUNCTION analytics_case_of(k analytics_appeal_keys, executor uuid) RETURNS SETOF analytics_cases
LANGUAGE sql IMMUTABLE AS $$
  SELECT k.municipality_id, k.document_id, k.day, k.service_instance_id, k.category, k.theme, k.district, executor,
    CASE WHEN executor IS NULL THEN k.executor_org END, CASE WHEN executor IS NULL THEN k.executor_department END,
    k.st, k.overdue_from, k.d10, k.closed_day, k.rating
$$;

-- Appeals changed by the current transaction (rows never outlive it: the flush deletes them).
CREATE TABLE analytics_dirty (
  municipality_id uuid NOT NULL,
  document_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, document_id)
);

-- Moves every appeal changed by the transaction from its old key to its new one, set-based: the
-- summaries get one delta per key, applied in key order (concurrent flushes lock summary rows in
-- the same order), and keys left with no appeals are deleted.
CREATE FUNCTION analytics_flush() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  emptied tid[];
BEGIN
  WITH taken AS (
    DELETE FROM analytics_dirty RETURNING municipality_id, document_id
  ), was AS (
    SELECT c.* FROM analytics_cases c JOIN taken t USING (municipality_id, document_id)
  ), now_is AS (
    SELECT c.* FROM taken t
    JOIN analytics_appeal_keys k ON k.municipality_id = t.municipality_id AND k.document_id = t.document_id,
    LATERAL analytics_case_of(k, (SELECT s.executor_user_id FROM assignments s
      WHERE s.municipality_id = t.municipality_id AND s.document_id = t.document_id
        AND s.role = 'responsible' AND s.status <> 'cancelled'
      ORDER BY s.created_at DESC LIMIT 1)) c
  ), kept AS (
    INSERT INTO analytics_cases SELECT * FROM now_is
    ON CONFLICT (municipality_id, document_id) DO UPDATE SET day = excluded.day,
      service_instance_id = excluded.service_instance_id, category = excluded.category, theme = excluded.theme,
      district = excluded.district, executor_user = excluded.executor_user, executor_org = excluded.executor_org,
      executor_department = excluded.executor_department, st = excluded.st, overdue_from = excluded.overdue_from,
      d10 = excluded.d10, closed_day = excluded.closed_day, rating = excluded.rating
  ), gone AS (
    DELETE FROM analytics_cases c USING taken t
    WHERE c.municipality_id = t.municipality_id AND c.document_id = t.document_id
      AND NOT EXISTS (SELECT 1 FROM now_is x WHERE x.document_id = t.document_id)
  ), deltas AS (
    SELECT municipality_id, day, service_instance_id, category, theme, district, executor_user, executor_org,
    executor_department, st, overdue_from, d10, closed_day, sum(sign)::int AS n,
      sum(CASE WHEN rating IS NULL THEN 0 ELSE sign END)::int AS rated, sum(sign * coalesce(rating, 0)) AS rating_sum
    FROM (SELECT was.*, -1 AS sign FROM was UNION ALL SELECT now_is.*, 1 FROM now_is) x
    GROUP BY municipality_id, day, service_instance_id, category, theme, district, executor_user, executor_org,
    executor_department, st, overdue_from, d10, closed_day
    HAVING sum(sign) <> 0 OR sum(sign * coalesce(rating, 0)) <> 0 OR sum(CASE WHEN rating IS NULL THEN 0 ELSE sign END) <> 0
  ), applied AS (
    INSERT INTO analytics_days AS d
    SELECT * FROM deltas ORDER BY municipality_id, day, service_instance_id, category, theme, district, executor_user, executor_org,
    executor_department, st, overdue_from, d10, closed_day
    ON CONFLICT (municipality_id, day, service_instance_id, category, theme, district, executor_user, executor_org,
    executor_department, st, overdue_from, d10, closed_day)
    DO UPDATE SET n = d.n + excluded.n, rated = d.rated + excluded.rated, rating_sum = d.rating_sum + excluded.rating_sum
    RETURNING d.ctid AS at, d.n
  )
  SELECT array_agg(at) FILTER (WHERE n = 0) INTO emptied FROM applied;
  IF emptied IS NOT NULL THEN
    DELETE FROM analytics_days WHERE ctid = ANY (emptied);
  END IF;
END $$;

-- Row triggers only mark the appeal; the deferred flush below moves it once, at commit.
CREATE FUNCTION analytics_mark() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO analytics_dirty VALUES (OLD.municipality_id, OLD.document_id) ON CONFLICT DO NOTHING;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO analytics_dirty VALUES (NEW.municipality_id, NEW.document_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_appeal_change AFTER INSERT OR DELETE OR UPDATE OF received_at, registered_at,
  registration_due, answer_due, notice_due, closed_at, rating, rejected_at, category_code, theme_code, form,
  service_instance_id ON appeals FOR EACH ROW EXECUTE FUNCTION analytics_mark();
CREATE TRIGGER analytics_assignment_change AFTER INSERT OR DELETE OR UPDATE OF executor_user_id, role, status,
  created_at, document_id ON assignments FOR EACH ROW EXECUTE FUNCTION analytics_mark();

-- At commit (or SET CONSTRAINTS … IMMEDIATE): the first firing flushes every marked appeal, later
-- ones find nothing left. The summaries' rows are locked only from then to the commit, so
-- concurrent intakes of the same day and category do not wait for each other's whole transaction.
CREATE FUNCTION analytics_flush_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_flush();
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER analytics_flush AFTER INSERT ON analytics_dirty
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_flush_dirty();

-- Recomputes a municipality's keys and summaries set-based (after a load with triggers off).
CREATE FUNCTION analytics_rebuild(p_m uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM analytics_days WHERE municipality_id = p_m;
  DELETE FROM analytics_cases WHERE municipality_id = p_m;
  -- The executors by a hash join (a lookup per appeal would cost more on a large load).
  INSERT INTO analytics_cases
  SELECT c.*
  FROM analytics_appeal_keys k
  LEFT JOIN (
    SELECT DISTINCT ON (x.document_id) x.document_id, x.executor_user_id FROM assignments x
    WHERE x.municipality_id = p_m AND x.role = 'responsible' AND x.status <> 'cancelled'
    ORDER BY x.document_id, x.created_at DESC
  ) e ON e.document_id = k.document_id,
  LATERAL analytics_case_of(k, e.executor_user_id) c
  WHERE k.municipality_id = p_m;
  INSERT INTO analytics_days
  SELECT municipality_id, day, service_instance_id, category, theme, district, executor_user, executor_org,
    executor_department, st, overdue_from, d10, closed_day, count(*), count(rating), coalesce(sum(rating), 0)
  FROM analytics_cases WHERE municipality_id = p_m
  GROUP BY municipality_id, day, service_instance_id, category, theme, district, executor_user, executor_org,
    executor_department, st, overdue_from, d10, closed_day;
END $$;

SELECT analytics_rebuild(id) FROM municipalities;
