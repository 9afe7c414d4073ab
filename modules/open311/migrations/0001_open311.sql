-- Open311 GeoReport v2: the token handed back for each service request posted through the API
-- (GET tokens/{token} answers with the service_request_id, which is the appeal's document id).
CREATE TABLE open311_tokens (
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  token text NOT NULL,
  document_id uuid NOT NULL,
  -- The owner of the API key that posted the request.
  submitted_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, token),
  UNIQUE (municipality_id, document_id),
  FOREIGN KEY (municipality_id, document_id) REFERENCES documents (municipality_id, id)
);
