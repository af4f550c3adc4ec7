/**
 * The embedded database in its own thread answers as PGlite in the same thread does: the schema's
 * migrations, rows and their types, Postgres' errors with their codes, transactions that commit or roll
 * back, and other queries waiting while a transaction holds the database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openDatabase, resultRows, type DatabaseHandle } from "./client";
import { PGliteThread } from "./pglite-thread";
import { carts } from "./schema";

/**
 * Tests that open a database of their own: a fresh folder's initdb and migrations took 10–22 s in CI
 * runs beside the other test files, and once 30 s.
 */
const OPENS_A_DATABASE = 90_000;

let dir: string;
let threaded: DatabaseHandle;
let inProcess: DatabaseHandle;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "portal-pglite-thread-"));
  threaded = await openDatabase({ dataDir: path.join(dir, "threaded"), thread: true });
  inProcess = await openDatabase({ dataDir: path.join(dir, "in-process") });
  // Two databases: the time of two. 60 s ran out once, in a CI run beside a type check of mine (72 s).
}, 2 * OPENS_A_DATABASE);

afterAll(async () => {
  await threaded?.close();
  await inProcess?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function rowsOf<T>(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  return resultRows<T>(await handle.db.execute(query));
}

describe("PGlite in a thread of its own", () => {
  it("applies the migrations and answers typed rows as PGlite in the same thread does", async () => {
    const query = sql`select 1::int as n, 'x'::text as t, true as b, now()::timestamptz as at, '{"a":1}'::jsonb as j, 2.50::numeric as price`;
    const [fromThread] = await rowsOf<Record<string, unknown>>(threaded, query);
    const [fromProcess] = await rowsOf<Record<string, unknown>>(inProcess, query);
    expect(Object.keys(fromThread!)).toEqual(Object.keys(fromProcess!));
    for (const key of ["n", "t", "b", "j", "price"]) expect(fromThread![key]).toEqual(fromProcess![key]);
    expect(typeof fromThread!.at).toBe(typeof fromProcess!.at);
    const migrations = await rowsOf<{ n: number }>(
      threaded,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(migrations[0]!.n).toBeGreaterThan(0);
  });

  it("drizzle's typed queries: insert, select with a timestamp, update, delete", async () => {
    const [created] = await threaded.db
      .insert(carts)
      .values({ userKey: "thread@example.test", customerCode: "C-1" })
      .returning();
    expect(created!.id).toBeGreaterThan(0);
    const [read] = await threaded.db.select().from(carts).where(eq(carts.id, created!.id));
    expect(read!.customerCode).toBe("C-1");
    expect(read!.updatedAt).toBeInstanceOf(Date);
    await threaded.db.update(carts).set({ customerCode: "C-2" }).where(eq(carts.id, created!.id));
    const [updated] = await threaded.db.select().from(carts).where(eq(carts.id, created!.id));
    expect(updated!.customerCode).toBe("C-2");
    await threaded.db.delete(carts).where(eq(carts.id, created!.id));
    expect(await threaded.db.select().from(carts).where(eq(carts.id, created!.id))).toEqual([]);
  });

  it("hands Postgres' error over with its code and constraint", async () => {
    await threaded.db.execute(sql`create table unique_names (name text primary key)`);
    await threaded.db.execute(sql`insert into unique_names values ('a')`);
    const failure = await threaded.db
      .execute(sql`insert into unique_names values ('a')`)
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const cause = ((failure as { cause?: unknown }).cause ?? failure) as { code?: string; constraint?: string };
    expect(cause.code).toBe("23505");
    expect(cause.constraint).toBe("unique_names_pkey");
  });

  it("commits a transaction that ends well and rolls back one that throws", async () => {
    await threaded.db.execute(sql`create table ledger (n int)`);
    await threaded.db.transaction(async (tx) => {
      await tx.execute(sql`insert into ledger values (1)`);
      await tx.execute(sql`insert into ledger values (2)`);
    });
    await expect(
      threaded.db.transaction(async (tx) => {
        await tx.execute(sql`insert into ledger values (3)`);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    await threaded.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into ledger values (4)`);
        tx.rollback();
      })
      .catch(() => undefined);
    const rows = await rowsOf<{ n: number }>(threaded, sql`select n from ledger order by n`);
    expect(rows.map((row) => row.n)).toEqual([1, 2]);
  });

  it("a query from elsewhere waits for an open transaction and sees its result after the commit", async () => {
    await threaded.db.execute(sql`create table counter (n int)`);
    await threaded.db.execute(sql`insert into counter values (0)`);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = threaded.db.transaction(async (tx) => {
      await tx.execute(sql`update counter set n = 1`);
      order.push("updated");
      await held;
      await tx.execute(sql`update counter set n = 2`);
      order.push("committing");
    });
    // Let the transaction take the database first.
    while (!order.includes("updated")) await new Promise((resolve) => setTimeout(resolve, 5));
    const outside = rowsOf<{ n: number }>(threaded, sql`select n from counter`).then((rows) => {
      order.push(`read ${rows[0]!.n}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(["updated"]);
    release();
    await Promise.all([transaction, outside]);
    expect(order).toEqual(["updated", "committing", "read 2"]);
  });

  it("a savepoint inside a transaction rolls back alone", async () => {
    await threaded.db.execute(sql`create table nested (n int)`);
    await threaded.db.transaction(async (tx) => {
      await tx.execute(sql`insert into nested values (1)`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into nested values (2)`);
          throw new Error("inner only");
        })
        .catch(() => undefined);
    });
    const rows = await rowsOf<{ n: number }>(threaded, sql`select n from nested`);
    expect(rows.map((row) => row.n)).toEqual([1]);
  });

  it("a parser that changes values cannot cross the thread: refused before the query is sent", async () => {
    const thread = (threaded.db as unknown as { $client: PGliteThread }).$client;
    expect(thread).toBeInstanceOf(PGliteThread);
    await expect(thread.query("select 1", [], { parsers: { 23: (value) => Number(value) * 2 } })).rejects.toThrow(
      'other than "keep the text"',
    );
  });

  it(
    "a thread that dies fails the queries waiting on it and every later one, instead of leaving them hanging",
    async () => {
      const handle = await openDatabase({ dataDir: path.join(dir, "dies"), thread: true });
      try {
        const thread = (handle.db as unknown as { $client: PGliteThread }).$client;
        const waiting = handle.db.execute(sql`select pg_sleep(0.5)`).catch((error: unknown) => error);
        await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
        const reason = (error: unknown) => ((error as { cause?: Error }).cause ?? (error as Error)).message;
        expect(reason(await waiting)).toMatch(/thread ended/);
        expect(reason(await handle.db.execute(sql`select 1`).catch((error: unknown) => error))).toMatch(/thread ended/);
      } finally {
        await handle.close();
      }
    },
    OPENS_A_DATABASE,
  );

  it(
    "after close, a query is refused with a message instead of hanging",
    async () => {
      const handle = await openDatabase({ dataDir: path.join(dir, "closed"), thread: true });
      await handle.close();
      const failure = await handle.db.execute(sql`select 1`).catch((error: unknown) => error);
      expect(((failure as { cause?: Error }).cause ?? (failure as Error)).message).toMatch(/closed/);
    },
    OPENS_A_DATABASE,
  );
});
