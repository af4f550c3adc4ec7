CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "categories" (
	"code" text PRIMARY KEY NOT NULL,
	"upstream_id" text NOT NULL,
	"title" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"path_codes" text[] NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_group" boolean DEFAULT false NOT NULL,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"sku" text PRIMARY KEY NOT NULL,
	"title" text,
	"description" text,
	"vendor_item_no" text,
	"ocsid" text,
	"barcode" text,
	"barcode_type" text,
	"blocked" boolean DEFAULT false NOT NULL,
	"expiring" boolean DEFAULT false NOT NULL,
	"dropshipable" boolean DEFAULT false NOT NULL,
	"is_big_parcel" boolean DEFAULT false NOT NULL,
	"blister" boolean DEFAULT false NOT NULL,
	"consumer" boolean DEFAULT false NOT NULL,
	"price_unit" text NOT NULL,
	"sales_unit" text NOT NULL,
	"sales_unit_amount" integer DEFAULT 1 NOT NULL,
	"prices" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"base_price" numeric(12, 4),
	"vat_rate" integer,
	"price_on_demand" boolean DEFAULT false NOT NULL,
	"stock_colour" text,
	"stock_updated_at" timestamp with time zone,
	"media" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attributes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"customs" jsonb,
	"category_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"category_paths" text[] DEFAULT '{}'::text[] NOT NULL,
	"attribute_text" text DEFAULT '' NOT NULL,
	"last_modified" timestamp with time zone,
	"update_count" integer DEFAULT 0 NOT NULL,
	"available" boolean DEFAULT true NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce("products"."title", '')), 'A') || setweight(to_tsvector('dutch', coalesce("products"."title", '')), 'A') || setweight(to_tsvector('english', coalesce("products"."title", '')), 'A') || setweight(to_tsvector('dutch', "products"."attribute_text"), 'B') || setweight(to_tsvector('english', "products"."attribute_text"), 'B') || setweight(to_tsvector('dutch', coalesce("products"."description", '')), 'C') || setweight(to_tsvector('english', coalesce("products"."description", '')), 'C')) STORED NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_failures" (
	"sku" text PRIMARY KEY NOT NULL,
	"last_modified" timestamp with time zone,
	"attempts" integer DEFAULT 1 NOT NULL,
	"last_error" text NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text DEFAULT 'running' NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	"stored" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"vanished" integer DEFAULT 0 NOT NULL,
	"upstream_calls" integer DEFAULT 0 NOT NULL,
	"message" text
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"kind" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone,
	"watermark_update_count" integer,
	"first_completed_at" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "categories_parent_idx" ON "categories" USING btree ("parent_code","position");--> statement-breakpoint
CREATE INDEX "products_search_idx" ON "products" USING gin ("search");--> statement-breakpoint
CREATE INDEX "products_category_paths_idx" ON "products" USING gin ("category_paths");--> statement-breakpoint
CREATE INDEX "products_sku_lower_idx" ON "products" USING btree (lower("sku") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_vendor_item_no_lower_idx" ON "products" USING btree (lower("vendor_item_no") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_barcode_idx" ON "products" USING btree ("barcode" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "products_title_trgm_idx" ON "products" USING gin (lower(coalesce("title", '')) gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "products_title_sort_idx" ON "products" USING btree (lower(coalesce("title", "sku")));--> statement-breakpoint
CREATE INDEX "products_base_price_idx" ON "products" USING btree ("base_price");--> statement-breakpoint
CREATE INDEX "sync_runs_kind_started_idx" ON "sync_runs" USING btree ("kind","started_at");