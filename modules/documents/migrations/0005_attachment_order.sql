-- Files uploaded in one request share created_at: keep the order they were attached in.
ALTER TABLE attachments ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
