-- Intake's idempotency check in one round trip instead of two: the key's transaction lock, then the
-- look-up of an appeal filed with that key. A VOLATILE PL/pgSQL function runs each statement with a
-- fresh snapshot (READ COMMITTED), so the look-up sees an appeal committed by the request that held
-- the lock before us — the same guarantee as the two separate statements it replaces.
CREATE FUNCTION appeal_idempotency_claim(p_municipality uuid, p_key text)
RETURNS TABLE (id uuid, idempotency_hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('appeal-intake:' || p_municipality::text || ':' || p_key, 0));
  RETURN QUERY
    SELECT a.document_id, a.idempotency_hash FROM appeals a
    WHERE a.municipality_id = p_municipality AND a.idempotency_key = p_key;
END
$$;
