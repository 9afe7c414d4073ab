-- The open cases in the inbox's default order, with the columns the boxes filter on: the boxes «to
-- register», «to decide» and «overdue» walk it in order for their page, and their tab counts (capped
-- at 10,000, see inbox.repository.ts) are index-only scans of it instead of passes over the table.
CREATE INDEX appeals_open_inbox ON appeals (municipality_id, received_at DESC, document_id)
  INCLUDE (registered_at, status, registration_due, answer_due, notice_due)
  WHERE closed_at IS NULL;
