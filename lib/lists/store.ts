import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { orderListLines, orderLists } from "@/lib/db/schema";

import { MAX_LINES_PER_LIST, MAX_LISTS_PER_CUSTOMER } from "./limits";

/**
 * The lists' tables, always read and written by customer code and id: a list another customer
 * owns is never found here. Lines are written one upsert per line (never the whole list read,
 * changed and written back), under a lock of the list's row, so two tabs adding or editing at
 * once keep every line and the limits hold.
 */

export interface ListOwner {
  customerCode: string;
  userKey: string;
}

export interface StoredList {
  id: string;
  name: string;
  lineCount: number;
  updatedAt: Date;
}

export interface StoredListLine {
  sku: string;
  quantity: number;
  position: number;
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export function newListId(): string {
  return crypto.randomUUID();
}

export async function listsOf(db: Database, customerCode: string): Promise<StoredList[]> {
  return db
    .select({
      id: orderLists.id,
      name: orderLists.name,
      updatedAt: orderLists.updatedAt,
      lineCount: sql<number>`(select count(*)::int from ${orderListLines} where ${orderListLines.listId} = ${orderLists.id})`,
    })
    .from(orderLists)
    .where(eq(orderLists.customerCode, customerCode))
    .orderBy(desc(orderLists.updatedAt), asc(orderLists.name));
}

export async function findList(
  db: Database | Tx,
  customerCode: string,
  id: string,
): Promise<{ id: string; name: string; updatedAt: Date } | null> {
  const [row] = await db
    .select({ id: orderLists.id, name: orderLists.name, updatedAt: orderLists.updatedAt })
    .from(orderLists)
    .where(and(eq(orderLists.id, id), eq(orderLists.customerCode, customerCode)))
    .limit(1);
  return row ?? null;
}

export async function linesOf(db: Database, listId: string): Promise<StoredListLine[]> {
  return db
    .select({ sku: orderListLines.sku, quantity: orderListLines.quantity, position: orderListLines.position })
    .from(orderListLines)
    .where(eq(orderListLines.listId, listId))
    .orderBy(asc(orderListLines.position), asc(orderListLines.updatedAt), asc(orderListLines.sku));
}

/** Locks the customer's list row for the rest of the transaction; false when it is not theirs. */
async function lockList(tx: Tx, customerCode: string, id: string): Promise<boolean> {
  const rows = await tx.execute(
    sql`select 1 from ${orderLists} where ${orderLists.id} = ${id} and ${orderLists.customerCode} = ${customerCode} for update`,
  );
  return rowsOf(rows).length > 0;
}

function rowsOf(result: unknown): unknown[] {
  return (result as { rows?: unknown[] }).rows ?? [];
}

async function touch(tx: Tx, id: string): Promise<void> {
  await tx
    .update(orderLists)
    .set({ updatedAt: sql`now()` })
    .where(eq(orderLists.id, id));
}

export type CreateOutcome = { ok: true; id: string } | { ok: false; error: "too-many-lists" };

/**
 * Creates a list with its first lines (at most MAX_LINES_PER_LIST: the caller reports the rest).
 * A customer's creations take turns (an advisory lock on the customer code), so that the limit of
 * lists holds when two tabs create at once.
 */
export async function insertList(
  db: Database,
  owner: ListOwner,
  name: string,
  lines: { sku: string; quantity: number }[] = [],
): Promise<CreateOutcome> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`order-lists:${owner.customerCode}`}))`);
    const [count] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(orderLists)
      .where(eq(orderLists.customerCode, owner.customerCode));
    if ((count?.count ?? 0) >= MAX_LISTS_PER_CUSTOMER) return { ok: false, error: "too-many-lists" } as const;
    const id = newListId();
    await tx.insert(orderLists).values({ id, customerCode: owner.customerCode, name, createdBy: owner.userKey });
    await insertLines(tx, id, lines.slice(0, MAX_LINES_PER_LIST), 0);
    return { ok: true, id } as const;
  });
}

const BATCH = 500;

async function insertLines(
  tx: Tx,
  listId: string,
  lines: { sku: string; quantity: number }[],
  firstPosition: number,
  mode: "sum" | "set" = "sum",
): Promise<void> {
  for (let start = 0; start < lines.length; start += BATCH) {
    const batch = lines.slice(start, start + BATCH);
    await tx
      .insert(orderListLines)
      .values(
        batch.map((line, index) => ({
          listId,
          sku: line.sku,
          quantity: line.quantity,
          position: firstPosition + start + index,
        })),
      )
      .onConflictDoUpdate({
        target: [orderListLines.listId, orderListLines.sku],
        set: {
          quantity:
            mode === "sum"
              ? sql`least(${orderListLines.quantity} + excluded.quantity, 100000)`
              : sql`excluded.quantity`,
          updatedAt: sql`now()`,
        },
      });
  }
}

export async function renameStoredList(db: Database, customerCode: string, id: string, name: string): Promise<boolean> {
  const rows = await db
    .update(orderLists)
    .set({ name, updatedAt: sql`now()` })
    .where(and(eq(orderLists.id, id), eq(orderLists.customerCode, customerCode)))
    .returning({ id: orderLists.id });
  return rows.length > 0;
}

export async function deleteStoredList(db: Database, customerCode: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(orderLists)
    .where(and(eq(orderLists.id, id), eq(orderLists.customerCode, customerCode)))
    .returning({ id: orderLists.id });
  return rows.length > 0;
}

export type AddOutcome =
  { ok: true; added: number; updated: number; refused: string[] } | { ok: false; error: "not-found" };

/**
 * Adds lines to a list: a SKU already on it gets the quantity added, a new one goes at the end.
 * New lines past MAX_LINES_PER_LIST are refused (`refused`: their SKUs); lines already on the
 * list are still updated.
 */
export async function addStoredLines(
  db: Database,
  customerCode: string,
  id: string,
  lines: { sku: string; quantity: number }[],
): Promise<AddOutcome> {
  return db.transaction(async (tx) => {
    if (!(await lockList(tx, customerCode, id))) return { ok: false, error: "not-found" } as const;
    const skus = [...new Set(lines.map((line) => line.sku))];
    const present = new Set<string>();
    for (let start = 0; start < skus.length; start += BATCH) {
      const rows = await tx
        .select({ sku: orderListLines.sku })
        .from(orderListLines)
        .where(and(eq(orderListLines.listId, id), inArray(orderListLines.sku, skus.slice(start, start + BATCH))));
      for (const row of rows) present.add(row.sku);
    }
    const [stats] = await tx
      .select({
        count: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${orderListLines.position}), -1)::int`,
      })
      .from(orderListLines)
      .where(eq(orderListLines.listId, id));
    let room = MAX_LINES_PER_LIST - (stats?.count ?? 0);
    const kept: { sku: string; quantity: number }[] = [];
    const bySku = new Map<string, number>();
    const refused: string[] = [];
    const refusedSet = new Set<string>();
    let added = 0;
    for (const line of lines) {
      if (refusedSet.has(line.sku)) continue;
      if (bySku.has(line.sku)) {
        bySku.set(line.sku, bySku.get(line.sku)! + line.quantity);
        continue;
      }
      if (!present.has(line.sku)) {
        if (room <= 0) {
          refused.push(line.sku);
          refusedSet.add(line.sku);
          continue;
        }
        room--;
        added++;
      }
      bySku.set(line.sku, line.quantity);
      kept.push(line);
    }
    const merged = kept.map((line) => ({ sku: line.sku, quantity: Math.min(bySku.get(line.sku)!, 100_000) }));
    await insertLines(tx, id, merged, (stats?.last ?? -1) + 1);
    if (merged.length) await touch(tx, id);
    return { ok: true, added, updated: merged.length - added, refused } as const;
  });
}

/** Sets one line's quantity (the last write wins); false when the list or the line is not there. */
export async function setStoredLineQuantity(
  db: Database,
  customerCode: string,
  id: string,
  sku: string,
  quantity: number,
): Promise<"ok" | "not-found" | "no-line"> {
  return db.transaction(async (tx) => {
    if (!(await lockList(tx, customerCode, id))) return "not-found";
    const rows = await tx
      .update(orderListLines)
      .set({ quantity, updatedAt: sql`now()` })
      .where(and(eq(orderListLines.listId, id), eq(orderListLines.sku, sku)))
      .returning({ sku: orderListLines.sku });
    if (!rows.length) return "no-line";
    await touch(tx, id);
    return "ok";
  });
}

export async function removeStoredLine(
  db: Database,
  customerCode: string,
  id: string,
  sku: string,
): Promise<"ok" | "not-found"> {
  return db.transaction(async (tx) => {
    if (!(await lockList(tx, customerCode, id))) return "not-found";
    await tx.delete(orderListLines).where(and(eq(orderListLines.listId, id), eq(orderListLines.sku, sku)));
    await touch(tx, id);
    return "ok";
  });
}

/**
 * Moves one line a place up or down. Under the list's lock the lines' order is numbered afresh
 * (positions only: no quantity is read and written back), so a line added meanwhile keeps its place.
 */
export async function moveStoredLine(
  db: Database,
  customerCode: string,
  id: string,
  sku: string,
  direction: "up" | "down",
): Promise<"ok" | "not-found" | "no-line"> {
  return db.transaction(async (tx) => {
    if (!(await lockList(tx, customerCode, id))) return "not-found";
    const order = await tx
      .select({ sku: orderListLines.sku })
      .from(orderListLines)
      .where(eq(orderListLines.listId, id))
      .orderBy(asc(orderListLines.position), asc(orderListLines.updatedAt), asc(orderListLines.sku));
    const skus = order.map((row) => row.sku);
    const index = skus.indexOf(sku);
    if (index < 0) return "no-line";
    const other = direction === "up" ? index - 1 : index + 1;
    if (other < 0 || other >= skus.length) return "ok";
    [skus[index], skus[other]] = [skus[other]!, skus[index]!];
    const values = sql.join(
      skus.map((value, position) => sql`(${value}::text, ${position}::int)`),
      sql`, `,
    );
    await tx.execute(
      sql`update ${orderListLines} set position = v.position from (values ${values}) as v(sku, position) where ${orderListLines.listId} = ${id} and ${orderListLines.sku} = v.sku`,
    );
    await touch(tx, id);
    return "ok";
  });
}
