CREATE TABLE "product_search" (
	"sku" text PRIMARY KEY NOT NULL,
	"search" "tsvector" NOT NULL,
	"green" boolean,
	"title_key" text NOT NULL,
	"available" boolean NOT NULL,
	"dropshipable" boolean NOT NULL
);
--> statement-breakpoint
-- Kept in step with products by triggers, in the transaction of the write: what search reads of a
-- product, narrow (see product_search in lib/db/schema.ts).
CREATE FUNCTION "product_search_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD."sku" IS DISTINCT FROM NEW."sku") THEN
		DELETE FROM "product_search" WHERE "sku" = OLD."sku";
	END IF;
	IF TG_OP = 'DELETE' THEN
		RETURN OLD;
	END IF;
	INSERT INTO "product_search" ("sku", "search", "green", "title_key", "available", "dropshipable")
	VALUES (NEW."sku", NEW."search", NEW."stock_colour" = 'green', lower(coalesce(NEW."title", NEW."sku")), NEW."available", NEW."dropshipable")
	ON CONFLICT ("sku") DO UPDATE SET
		"search" = excluded."search",
		"green" = excluded."green",
		"title_key" = excluded."title_key",
		"available" = excluded."available",
		"dropshipable" = excluded."dropshipable";
	RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "products_search_insert_delete" AFTER INSERT OR DELETE ON "products"
	FOR EACH ROW EXECUTE FUNCTION "product_search_write"();--> statement-breakpoint
-- A stock colour list rewrites only what changed; so does an upsert that changes nothing searched.
CREATE TRIGGER "products_search_update" AFTER UPDATE ON "products"
	FOR EACH ROW WHEN (
		OLD."sku" IS DISTINCT FROM NEW."sku"
		OR OLD."search" IS DISTINCT FROM NEW."search"
		OR OLD."stock_colour" IS DISTINCT FROM NEW."stock_colour"
		OR OLD."title" IS DISTINCT FROM NEW."title"
		OR OLD."available" IS DISTINCT FROM NEW."available"
		OR OLD."dropshipable" IS DISTINCT FROM NEW."dropshipable"
	)
	EXECUTE FUNCTION "product_search_write"();--> statement-breakpoint
INSERT INTO "product_search" ("sku", "search", "green", "title_key", "available", "dropshipable")
SELECT "sku", "search", "stock_colour" = 'green', lower(coalesce("title", "sku")), "available", "dropshipable" FROM "products";--> statement-breakpoint
CREATE INDEX "product_search_search_idx" ON "product_search" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "search_words_prefix_idx" ON "search_words" USING btree ("word" collate "C");--> statement-breakpoint
ANALYZE "product_search";--> statement-breakpoint
ANALYZE "search_words";
