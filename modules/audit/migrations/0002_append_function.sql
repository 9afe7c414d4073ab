-- Appends a transaction's audit records in one call (one round trip instead of three: the deferred
-- triggers, the heads' locks, the records and the moved heads). The hash format is unchanged:
-- hash = sha256(prev_hash || canonical JSON of the record), where the canonical JSON is built by
-- the application except the two values only known under the head's lock, chain_seq and
-- prev_hash: each record brings its canonical JSON in three pieces,
--   canon_head || chain_seq || canon_mid || prev_hash || canon_tail
-- (see modules/audit/src/chain.ts, hashPieces), so `zemstvo audit verify` recomputes the same hash.
--
-- p_records: a JSON array of {chain, occurred_at, municipality_id, actor, actor_user_id, action,
-- entity, entity_id, before, after, request_id, canon_head, canon_mid, canon_tail}, in the order
-- they were written. p_immediate: run the transaction's deferred triggers (the search index) first,
-- so that nothing else runs while a head is locked. Heads are locked in a fixed order (by chain,
-- byte order) so concurrent writers cannot deadlock; a new chain's head is created at genesis.
CREATE FUNCTION audit_append(p_records jsonb, p_immediate boolean) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  c text;
  r record;
  h_seq bigint;
  h_hash text;
  new_hash text;
BEGIN
  IF p_immediate THEN
    SET CONSTRAINTS ALL IMMEDIATE;
  END IF;
  FOR c IN
    SELECT DISTINCT e->>'chain' COLLATE "C" FROM jsonb_array_elements(p_records) AS e ORDER BY 1
  LOOP
    PERFORM 1 FROM audit_chain_heads WHERE chain = c FOR UPDATE;
    IF NOT FOUND THEN
      INSERT INTO audit_chain_heads (chain, chain_seq, hash) VALUES (c, 0, repeat('0', 64))
        ON CONFLICT (chain) DO NOTHING;
      PERFORM 1 FROM audit_chain_heads WHERE chain = c FOR UPDATE;
    END IF;
  END LOOP;
  FOR r IN
    SELECT x.* FROM jsonb_array_elements(p_records) WITH ORDINALITY AS e(rec, n),
      LATERAL jsonb_to_record(e.rec) AS x(
        chain text, occurred_at timestamptz, municipality_id uuid, actor text, actor_user_id uuid,
        action text, entity text, entity_id text, before jsonb, after jsonb, request_id text,
        canon_head text, canon_mid text, canon_tail text)
    ORDER BY e.n
  LOOP
    SELECT chain_seq, hash INTO h_seq, h_hash FROM audit_chain_heads WHERE chain = r.chain;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'audit chain head % vanished', r.chain;
    END IF;
    h_seq := h_seq + 1;
    new_hash := encode(sha256(convert_to(
      h_hash || r.canon_head || h_seq::text || r.canon_mid || h_hash || r.canon_tail, 'UTF8')), 'hex');
    INSERT INTO audit_log (chain, chain_seq, occurred_at, municipality_id, actor, actor_user_id, action,
      entity, entity_id, before, after, request_id, prev_hash, hash)
    VALUES (r.chain, h_seq, r.occurred_at, r.municipality_id, r.actor, r.actor_user_id, r.action,
      r.entity, r.entity_id, NULLIF(r.before, 'null'::jsonb), NULLIF(r.after, 'null'::jsonb),
      r.request_id, h_hash, new_hash);
    UPDATE audit_chain_heads SET chain_seq = h_seq, hash = new_hash WHERE chain = r.chain;
  END LOOP;
END;
$$;
