-- Which server process trains a run, and when it last showed it was alive: a run left in
-- `training` by a process that stopped (killed, crashed) is found and marked failed with the reason
-- `interrupted`, instead of showing a training that will never finish.
ALTER TABLE routing_models ADD COLUMN trainer text;
ALTER TABLE routing_models ADD COLUMN heartbeat_at timestamptz;
-- A stable code of the status note for the web app to translate (`interrupted`); null: the note as is.
ALTER TABLE routing_models ADD COLUMN status_reason text;
