ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS host VARCHAR;
ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS pid INTEGER;
ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS process_started_at TIMESTAMP;
COMMENT ON COLUMN etl_run.status IS 'running (started, not finished; written when the run starts), completed (loaded and published), failed (stopped with an error), or crashed (its process ended without finishing it, found by a later run on the same host).';
COMMENT ON COLUMN etl_run.finished_at IS 'End time (UTC); for a crashed run, when a later run found its process gone.';
COMMENT ON COLUMN etl_run.host IS 'Host name of the machine whose process executed the run.';
COMMENT ON COLUMN etl_run.pid IS 'Process id of the process that executed the run, on that host.';
COMMENT ON COLUMN etl_run.process_started_at IS 'When that process started (UTC), so a reused process id is not taken for the run''s process.';
