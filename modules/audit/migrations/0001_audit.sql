-- Append-only, hash-chained audit log. One chain per municipality (and one for the platform),
-- so chains can be sharded with their tenant. hash = sha256(prev_hash || canonical JSON of record).
CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain text NOT NULL,
  chain_seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  municipality_id uuid,
  actor text NOT NULL,
  actor_user_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  before jsonb,
  after jsonb,
  request_id text,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  UNIQUE (chain, chain_seq)
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_municipality ON audit_log (municipality_id, seq DESC);

-- The head of each chain, updated under a row lock so concurrent writers append in order.
CREATE TABLE audit_chain_heads (
  chain text PRIMARY KEY,
  chain_seq bigint NOT NULL,
  hash text NOT NULL
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
