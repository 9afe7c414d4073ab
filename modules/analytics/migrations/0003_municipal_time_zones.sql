-- Each municipality counts its days in its own time zone (municipalities.timezone, an IANA name):
-- a case received at 2026-03-05T15:30Z is a case of 6 March in Vladivostok and of 5 March in
-- Moscow. 0002 counted every municipality's days in Moscow time; this redefines the analytic key of
-- an appeal with its municipality's zone (one primary-key lookup per changed appeal in the flush, a
-- one-row join in analytics_rebuild), and rebuilds the summaries of a municipality whose zone
-- changes, in the transaction of the change.

-- The same columns as in 0002 (the trigger functions and analytics_rebuild read this view).
CREATE OR REPLACE VIEW analytics_appeal_keys AS
  SELECT a.municipality_id, a.document_id,
    (a.received_at AT TIME ZONE m.timezone)::date AS day,
    a.service_instance_id, a.category_code AS category, a.theme_code AS theme,
    nullif(a.form ->> 'district', '') AS district,
    nullif(a.form ->> 'executor_org', '') AS executor_org,
    a.form ->> 'executor_department_id' AS executor_department,
    ((a.registered_at IS NOT NULL)::int + (a.rejected_at IS NOT NULL)::int * 32
      + CASE WHEN a.closed_at IS NULL THEN 0
        WHEN a.answer_due IS NULL THEN 2
        WHEN (a.closed_at AT TIME ZONE m.timezone)::date > a.answer_due THEN 2 + 8
        ELSE 2 + 16 END)::smallint AS st,
    CASE WHEN a.closed_at IS NOT NULL THEN NULL
      WHEN a.registered_at IS NULL THEN a.registration_due + 1
      ELSE least(a.answer_due, a.notice_due) + 1 END AS overdue_from,
    CASE WHEN a.closed_at IS NOT NULL
      THEN floor(date_part('epoch', a.closed_at - a.received_at) / 86400::float8 * 10)::int END AS d10,
    (a.closed_at AT TIME ZONE m.timezone)::date AS closed_day,
    a.rating
  FROM appeals a
  JOIN municipalities m ON m.id = a.municipality_id;

-- A new zone moves every local day of the municipality: its summaries are recomputed set-based, in
-- the transaction that changes the zone (whoever changes it: the API, the CLI, raw SQL).
CREATE FUNCTION analytics_time_zone_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM analytics_rebuild(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER analytics_time_zone_change AFTER UPDATE OF timezone ON municipalities
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone)
  EXECUTE FUNCTION analytics_time_zone_changed();

-- Summaries written under 0002 are Moscow days; municipalities in other zones get theirs now.
SELECT analytics_rebuild(id) FROM municipalities WHERE timezone <> 'Europe/Moscow';
