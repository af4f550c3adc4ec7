-- The planner prices a text match (tsvector @@ tsquery) as one comparison (COST 1). For a common word,
-- a ranked search then reads product_search in its stored order and tests every row's search document
-- until it has its 501 candidates, where the GIN index gives the matching rows without a test: at
-- 100,000 products, 42 of 120 word searches took that plan, and the ranked statement with the index
-- forced was faster (p50 9.1 -> 8.2 ms, p95 19.3 -> 14.1 ms; bench/issue-19-experiments.md). Priced
-- as what it is (a search in a document of many words), the planner takes the index (5 of 120 left
-- at COST 50). PostgreSQL itself prices to_tsvector, to_tsquery and websearch_to_tsquery at COST 100;
-- the match of their results kept 1. The change holds in this database only, and needs the function's
-- owner: a role that is not a superuser (a managed server's application role) keeps the default.
DO $$
BEGIN
	IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
		ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) COST 50;
	ELSE
		RAISE NOTICE 'ts_match_vq keeps COST 1: % is not a superuser', current_user;
	END IF;
END
$$;
