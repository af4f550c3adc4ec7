CREATE TABLE "search_words" (
	"word" text PRIMARY KEY NOT NULL,
	"documents" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
DROP INDEX "products_vendor_item_no_lower_idx";--> statement-breakpoint
DROP INDEX "products_title_trgm_idx";--> statement-breakpoint
DROP INDEX "products_search_idx";--> statement-breakpoint
DROP INDEX "products_category_paths_idx";--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "products_vendor_item_no_compact_idx" ON "products" USING btree (regexp_replace(lower("vendor_item_no"), '[^a-z0-9]', '', 'g') text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "products_category_paths_idx" ON "products" USING gin ("category_paths") WITH (fastupdate=false);--> statement-breakpoint
INSERT INTO "search_words" ("word", "documents")
SELECT "word", "ndoc" FROM ts_stat('select to_tsvector(''simple'', coalesce("title", '''') || '' '' || "attribute_text") from "products"')
WHERE "word" ~ '^[a-zà-öø-ÿ]{4,}$';--> statement-breakpoint
ANALYZE "products";
