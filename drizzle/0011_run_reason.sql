-- Why a run did not simply succeed, as a code the staff page says in the reader's language; `message` keeps
-- the sync's own English words. Runs already kept (at most 30 days) get the code their message implies.
ALTER TABLE "sync_runs" ADD COLUMN "reason" text;--> statement-breakpoint
UPDATE "sync_runs" SET "reason" = CASE
  WHEN "message" = 'interrupted' THEN 'interrupted'
  WHEN "message" = 'process ended during the run' THEN 'process_ended'
  WHEN "message" LIKE 'the upstream asked to wait %' THEN 'upstream_busy'
  WHEN "message" LIKE '% products failed; retried later' THEN 'products_failed'
  WHEN "outcome" = 'failed' THEN 'error'
END
WHERE "message" IS NOT NULL OR "outcome" = 'failed';
