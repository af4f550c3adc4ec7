import { and, count, desc, eq, gte, ilike, lt, or, sql, sum } from "drizzle-orm";

import type { Database } from "@/lib/db";
import { auditLog, type AuditRow } from "@/lib/db/schema";

import { dayRange } from "@/lib/orders/filter";

import { MANY_CUSTOMERS, type AuditAction, type AuditFilters } from "./filters";

export { AUDIT_ACTIONS, MANY_CUSTOMERS, type AuditAction } from "./filters";

export interface AuditEntry {
  actorEmail: string;
  actorName: string;
  action: AuditAction;
  customerCode: string;
  orderId?: string | null;
  details?: Record<string, unknown>;
}

/** A repeat of the same person, action and customer within this time is folded into the row before. */
export const FOLD_WINDOW_MS = 60 * 60_000;

/**
 * Refused attempts of one person within the fold window: at most this many rows of their own
 * (one per customer code they tried); beyond, every further code folds into one row for
 * `MANY_CUSTOMERS`, so that trying 1,000 codes still leaves a handful of rows.
 */
export const REFUSED_ROWS_PER_PERSON = 10;
/** Refused attempts of one person within the fold window after which they are answered "too many". */
export const REFUSED_ATTEMPTS_PER_PERSON = 20;

const windowStart = (now: Date) => new Date(now.getTime() - FOLD_WINDOW_MS);

/** Serialises the writes of one person's rows (two instances, or two requests at once, fold into one row). */
async function lockPerson(tx: Database, actorEmail: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`audit|${actorEmail}`}))`);
}

/** Adds one to the row of this person, action and customer written within the fold window; false when there is none. */
async function foldInto(tx: Database, entry: AuditEntry, customerCode: string, now: Date): Promise<boolean> {
  const [row] = await tx
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorEmail, entry.actorEmail),
        eq(auditLog.action, entry.action),
        eq(auditLog.customerCode, customerCode),
        gte(auditLog.lastAt, windowStart(now)),
      ),
    )
    .orderBy(desc(auditLog.lastAt))
    .limit(1);
  if (!row) return false;
  await tx
    .update(auditLog)
    .set({ count: sql`${auditLog.count} + 1`, lastAt: now })
    .where(eq(auditLog.id, row.id));
  return true;
}

async function insert(tx: Database, entry: AuditEntry, customerCode: string, now: Date) {
  await tx.insert(auditLog).values({
    at: now,
    lastAt: now,
    actorEmail: entry.actorEmail,
    actorName: entry.actorName,
    action: entry.action,
    customerCode,
    orderId: entry.orderId ?? null,
    details: entry.details ?? {},
  });
}

/**
 * Writes who did what for which customer. An entry about an order is always a row of its own; a
 * repeat of the same person, action and customer within an hour (switching to the same customer
 * again) adds one to that row's `count` and moves its `last_at` instead of adding a row.
 */
export async function recordAudit(db: Database, entry: AuditEntry, now = new Date()): Promise<void> {
  await db.transaction(async (tx) => {
    await lockPerson(tx, entry.actorEmail);
    if (!entry.orderId && (await foldInto(tx, entry, entry.customerCode, now))) return;
    await insert(tx, entry, entry.customerCode, now);
  });
}

export interface RefusalRecorded {
  /** The person's refused attempts within the window, this one included. */
  attempts: number;
  /** Over the limit: the caller answers "too many requests" rather than "forbidden". */
  limited: boolean;
  retryAfterSeconds: number;
}

/**
 * Writes a refused attempt (a dealer asking to act for another customer), folded as `recordAudit`
 * does, with at most `REFUSED_ROWS_PER_PERSON` rows per person and window: a flood of refused
 * requests never pushes the real entries off the admin page.
 */
export async function recordRefusal(db: Database, entry: AuditEntry, now = new Date()): Promise<RefusalRecorded> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, entry.actorEmail);
    const mine = and(
      eq(auditLog.actorEmail, entry.actorEmail),
      eq(auditLog.action, entry.action),
      gte(auditLog.lastAt, windowStart(now)),
    );
    const [seen] = await tx
      .select({ rows: count(), attempts: sum(auditLog.count).mapWith(Number) })
      .from(auditLog)
      .where(mine);
    const rows = seen?.rows ?? 0;
    const attempts = (seen?.attempts ?? 0) + 1;
    if (!(await foldInto(tx, entry, entry.customerCode, now))) {
      const code = rows >= REFUSED_ROWS_PER_PERSON - 1 ? MANY_CUSTOMERS : entry.customerCode;
      if (code === entry.customerCode || !(await foldInto(tx, entry, code, now))) await insert(tx, entry, code, now);
    }
    return {
      attempts,
      limited: attempts > REFUSED_ATTEMPTS_PER_PERSON,
      retryAfterSeconds: Math.ceil(FOLD_WINDOW_MS / 1000),
    };
  });
}

export interface AuditPage {
  rows: AuditRow[];
  page: number;
  pageCount: number;
  total: number;
}

export const AUDIT_PAGE_SIZE = 25;

/** Rows matching the filters, the most recent activity first, one page of them. */
export async function auditPage(
  db: Database,
  filters: AuditFilters,
  timeZone: string,
  pageSize = AUDIT_PAGE_SIZE,
): Promise<AuditPage> {
  const conditions = [];
  if (filters.who) {
    const pattern = `%${filters.who.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(auditLog.actorEmail, pattern), ilike(auditLog.actorName, pattern)));
  }
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.customer) conditions.push(eq(auditLog.customerCode, filters.customer));
  // A folded row covers `at` to `last_at`: it matches a range of days (in the reader's time zone) it overlaps.
  const { start, end } = dayRange(filters.from, filters.to, timeZone);
  if (start) conditions.push(gte(auditLog.lastAt, start));
  if (end) conditions.push(lt(auditLog.at, end));
  const where = conditions.length ? and(...conditions) : undefined;
  const [counted] = await db.select({ total: count() }).from(auditLog).where(where);
  const total = counted?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filters.page, pageCount);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.lastAt), desc(auditLog.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, page, pageCount, total };
}
