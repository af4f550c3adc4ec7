-- The words misspellings are corrected to, counted again: how many available products have each. Until
-- now only the words of migration 0002 were counted (a word the sync added later counted 1) and a
-- product marked unavailable kept its words. From here the sync keeps the counts (lib/catalogue/store/search-words.ts).
DELETE FROM "search_words";--> statement-breakpoint
INSERT INTO "search_words" ("word", "documents")
SELECT "word", "ndoc" FROM ts_stat('select to_tsvector(''simple'', coalesce("title", '''') || '' '' || "attribute_text") from "products" where "available"')
WHERE "word" ~ '^[a-zà-öø-ÿ]{4,}$';
