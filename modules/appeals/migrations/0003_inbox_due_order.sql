-- The inbox sorted by the nearest due date (notice, answer, registration) among open cases.
CREATE INDEX appeals_open_by_due ON appeals (municipality_id, (coalesce(notice_due, answer_due, registration_due)), received_at, document_id)
  WHERE closed_at IS NULL;
