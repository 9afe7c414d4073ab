-- The audit log page lists a municipality's records newest first by when they happened
-- (occurred_at), not by append order: the two differ for backdated records (the demo's stories,
-- imports) and by a transaction's duration. seq breaks ties in the same order.
CREATE INDEX audit_log_municipality_time ON audit_log (municipality_id, occurred_at DESC, seq DESC);
