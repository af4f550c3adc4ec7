-- A search reads the catalogue's words into memory once (lib/catalogue/catalogue-words.ts): whether a
-- typed word is one, whether it starts a longer one, and which one a misspelt word is corrected to, by
-- pg_trgm's rule computed there. No statement reads these two indexes any more; the sync kept them up
-- to date for nothing.
DROP INDEX IF EXISTS "search_words_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "search_words_prefix_idx";
