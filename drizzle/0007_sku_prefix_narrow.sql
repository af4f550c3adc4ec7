CREATE INDEX "product_search_sku_lower_idx" ON "product_search" USING btree (lower("sku") text_pattern_ops);--> statement-breakpoint
-- Statistics of the new expression, so that the planner estimates SKU prefixes on it (PGlite has no autovacuum).
ANALYZE "product_search";
