-- Drafting and dispatch: the language a version was rendered in, and the capability link by which
-- an applicant without an account downloads the signed answer from the e-mail.
ALTER TABLE document_versions ADD COLUMN locale text NOT NULL DEFAULT 'ru' CHECK (locale IN ('ru', 'en'));

-- A random secret (43 characters, base64url): GET /api/answers/<token> gives the signed PDF.
ALTER TABLE dispatches ADD COLUMN download_token text;
CREATE UNIQUE INDEX dispatches_download_token ON dispatches (download_token) WHERE download_token IS NOT NULL;
