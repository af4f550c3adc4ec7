import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";

export declare const PREPARED_STATEMENT_LIMIT: number;

/**
 * A client for drizzle's PGlite driver whose queries outside a transaction run as named prepared
 * statements (lib/db/pglite-statements.mjs). `plain` is the PGlite underneath.
 */
export declare class NamedStatements {
  constructor(pglite: PGlite, limit?: number);
  readonly plain: PGlite;
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Array<Results>>;
  transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
