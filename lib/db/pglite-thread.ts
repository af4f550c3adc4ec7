import path from "node:path";
import { Worker } from "node:worker_threads";

import { errorText, log } from "@/lib/observability/logger";

/**
 * Embedded PGlite in a thread of its own (lib/db/pglite-worker.mjs), behind the part of PGlite's client
 * that drizzle's PGlite driver uses (`query`, `exec`, `transaction`). PGlite's work (planning, executing,
 * encoding rows) then runs beside the page renders instead of between them: with the mirror at 100,000
 * products the reads of a category page are about a third of its time on the server.
 *
 * Semantics stay PGlite's own: one session, queries in order of arrival, a transaction holding the database
 * until it ends (other queries wait for it in the worker). Values cross the thread by structured clone.
 */
export interface ThreadQueryOptions {
  rowMode?: "array" | "object";
  /** PGlite parsers by type OID; across the thread only those that keep the text as it is (drizzle's). */
  parsers?: Record<number, (value: string, typeId?: number) => unknown>;
}

export interface ThreadResults<T = Record<string, unknown>> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

export interface ThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: ThreadQueryOptions): Promise<ThreadResults<T>>;
  exec(sql: string): Promise<ThreadResults[]>;
  closed: boolean;
}

interface ErrorData {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ErrorData };

/** Where the worker's file is: beside this module's source in the project, and copied there in the standalone folder. */
export const WORKER_FILE = path.join(process.cwd(), "lib", "db", "pglite-worker.mjs");

/** A text kept as it is: drizzle's parsers for dates, times and intervals, and the only kind that can cross. */
function keepsText(parser: (value: string, typeId?: number) => unknown): boolean {
  const probe = "2026-01-02 03:04:05.678+00";
  return parser(probe) === probe;
}

function encodeOptions(options?: ThreadQueryOptions) {
  if (!options) return undefined;
  const keepAsText: number[] = [];
  for (const [type, parser] of Object.entries(options.parsers ?? {})) {
    if (!keepsText(parser)) throw new Error(`PGlite thread: a parser for type ${type} other than "keep the text"`);
    keepAsText.push(Number(type));
  }
  return { rowMode: options.rowMode, keepAsText };
}

function decodeError(data: ErrorData): Error {
  const error = new Error(data.message);
  error.name = data.name;
  Object.assign(error, data.fields);
  return error;
}

export class PGliteThread {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private failure: Error | null = null;

  private constructor(file: string) {
    this.worker = new Worker(file);
    this.worker.on("message", (reply: Reply) => {
      const waiter = this.waiting.get(reply.id);
      if (!waiter) return;
      this.waiting.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.result);
      else waiter.reject(decodeError(reply.error));
    });
    const fail = (error: Error) => {
      // The first reason stays: a thread ended by close() is "closed", not "ended".
      if (!this.failure) log().error({ error: errorText(error) }, "database: the embedded database's thread stopped");
      this.failure ??= error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the embedded database's thread ended (exit code ${code})`)));
  }

  /** Starts the thread and opens PGlite (with pg_trgm) on `folder` in it. */
  static async open(folder: string, file = WORKER_FILE): Promise<PGliteThread> {
    const thread = new PGliteThread(file);
    try {
      await thread.send({ op: "open", folder });
    } catch (error) {
      await thread.worker.terminate();
      throw error;
    }
    return thread;
  }

  private send<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  async query<T>(
    sql: string,
    params?: unknown[],
    options?: ThreadQueryOptions,
    tx?: number,
  ): Promise<ThreadResults<T>> {
    return this.send({ op: "query", sql, params, options: encodeOptions(options), tx });
  }

  exec(sql: string, tx?: number): Promise<ThreadResults[]> {
    return this.send({ op: "exec", sql, tx });
  }

  /** Runs `callback` in a transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const id = await this.send<number>({ op: "begin" });
    const tx: ThreadTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, id),
      exec: (sql) => this.exec(sql, id),
      closed: false,
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      tx.closed = true;
      await this.send({ op: "end", tx: id, commit: false }).catch(() => undefined);
      throw error;
    }
    tx.closed = true;
    await this.send({ op: "end", tx: id, commit: true });
    return result;
  }

  async close(): Promise<void> {
    if (!this.failure) await this.send({ op: "close" }).catch(() => undefined);
    this.failure ??= new Error("the embedded database is closed");
    await this.worker.terminate();
  }
}
