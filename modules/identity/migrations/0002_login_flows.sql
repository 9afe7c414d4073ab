-- Sign-in through an external identity provider (OIDC, ESIA-style): the state, nonce and PKCE
-- verifier of a started flow, bound to the browser by a cookie whose SHA-256 is the key.
-- A flow is single use and lives ten minutes.
CREATE TABLE login_flows (
  id text PRIMARY KEY,                 -- sha256 of the flow cookie value
  provider text NOT NULL,
  state text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  return_to text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX login_flows_expires ON login_flows (expires_at);

-- Reset links of one user (to supersede older ones) and API tokens of one user.
CREATE INDEX password_resets_user ON password_resets (user_id);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
