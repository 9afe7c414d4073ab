-- Runs skipped for too little history before they carried a reason: give them the stable code
-- `too_few_labelled` and the two counts their English note states, so the web app shows them in
-- the reader's language like new runs ("Only 9 labelled appeals; training needs at least 50").
UPDATE routing_models
SET status_reason = 'too_few_labelled',
    metrics = metrics || jsonb_build_object(
      'labelled', substring(status_note FROM '^Only ([0-9]+) labelled')::int,
      'required', substring(status_note FROM 'at least ([0-9]+)$')::int)
WHERE status = 'skipped'
  AND status_reason IS NULL
  AND status_note ~ '^Only [0-9]+ labelled appeals; training needs at least [0-9]+$';
