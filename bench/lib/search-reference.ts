import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";

import type { searchProducts } from "@/lib/catalogue/search";
import { resultRows, type Database } from "@/lib/db/client";
import { NamedStatements } from "@/lib/db/pglite-statements.mjs";
import * as schema from "@/lib/db/schema";

/**
 * The search code whose timings issue 19 quotes ("today 27.9, 22.8 and 29.9 ms" at p95 for words,
 * SKU prefixes and misspellings; bench run of commit a9ddb48 on 28 November), to be run beside the
 * current code in the same run. The goal (p95 ≤ 20 ms) is an absolute time, and this machine's speed
 * moves by a factor of two between hours; as a ratio to that code on the same database in the same
 * minutes, the host cancels out: ≤ 20 / 27.9 for words, 20 / 22.8 for SKU prefixes, 20 / 29.9 for
 * misspellings.
 */
export const SEARCH_REFERENCE = {
  commit: "a9ddb48",
  /** The issue's figures of that code (p95, ms), and its goal. */
  issueP95Ms: { words: 27.9, skuPrefixes: 22.8, misspellings: 29.9 },
  goalP95Ms: 20,
  /**
   * The planner's price of a text match then (migration 0008 raised it): set before each of the
   * reference's searches and set back after, so that it plans as it did.
   */
  textMatchCost: 1,
} as const;

export type SearchKind = keyof typeof SEARCH_REFERENCE.issueP95Ms;

/** The ratio of p95 times (current ÷ reference) that the goal amounts to, for one kind of search. */
export function goalRatio(kind: SearchKind): number {
  return SEARCH_REFERENCE.goalP95Ms / SEARCH_REFERENCE.issueP95Ms[kind];
}

/**
 * The files of the catalogue's search at the reference commit. Everything else they import (the
 * schema, the domain types) is today's: the products and search_words tables they read have the
 * same columns and indexes as then (migration 0006 only added tables and an index beside them).
 */
const FILES = ["search.ts", "queries.ts", "search-terms.ts", "types.ts"];

/**
 * Writes the reference's files out of git into bench/tmp and loads its `searchProducts`. Null, with
 * the reason, when git or the commit is not there (a copy of the source without its history).
 */
export async function loadSearchReference(): Promise<
  { searchProducts: typeof searchProducts; folder: string } | { missing: string }
> {
  const folder = path.join(process.cwd(), "bench", "tmp", `search-reference-${SEARCH_REFERENCE.commit}`);
  try {
    mkdirSync(folder, { recursive: true });
    for (const file of FILES) {
      const source = execFileSync("git", ["show", `${SEARCH_REFERENCE.commit}:lib/catalogue/${file}`], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
      writeFileSync(path.join(folder, file), source);
    }
    const loaded = (await import(path.join(folder, "search.ts"))) as { searchProducts: typeof searchProducts };
    return { searchProducts: loaded.searchProducts, folder };
  } catch (error) {
    return { missing: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
}

/**
 * The database as the reference's statements reached it: through PGlite's own `query`, which parses and
 * describes every statement. Today's embedded PGlite keeps statements prepared
 * (lib/db/pglite-statements.mjs); the reference's run on the same PGlite, without that.
 */
export function databaseAsThen(db: Database): Database {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof NamedStatements ? (drizzlePglite(client.plain, { schema }) as unknown as Database) : db;
}

/** The planner's price of `tsvector @@ tsquery` in this database (migration 0008). */
export async function textMatchCost(db: Database): Promise<number> {
  const result = await db.execute(
    sql`select procost from pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector, tsquery)'::regprocedure`,
  );
  return Number(resultRows<{ procost: number }>(result)[0]?.procost ?? 1);
}

export async function setTextMatchCost(db: Database, cost: number): Promise<void> {
  if (!Number.isFinite(cost) || cost <= 0) throw new Error(`not a cost: ${cost}`);
  await db.execute(sql.raw(`alter function pg_catalog.ts_match_vq(tsvector, tsquery) cost ${cost}`));
}
