-- Why a failed run stopped, when the run knows: a signal (SIGTERM, Ctrl-C) names itself here.
ALTER TABLE etl_run ADD COLUMN IF NOT EXISTS failure_reason VARCHAR;
COMMENT ON COLUMN etl_run.failure_reason IS 'Why a failed run stopped, when it is known: e.g. stopped by signal SIGTERM (the run was stopped by SIGTERM or Ctrl-C, and nothing of it was loaded).';
