-- Why a product's last attempt failed, as a code the staff page says in the reader's language; `last_error` keeps the
-- error's own English words. Failures already recorded keep none until their next attempt (the page then shows their words alone).
ALTER TABLE "sync_failures" ADD COLUMN "reason" text;
