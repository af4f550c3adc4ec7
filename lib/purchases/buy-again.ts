import { and, eq, inArray, sql } from "drizzle-orm";

import { activeCustomer, actingFor } from "@/lib/acting/policy";
import type { SessionToken } from "@/lib/auth/session-types";
import { summariesBySku } from "@/lib/catalogue/queries";
import type { ProductSummary } from "@/lib/catalogue/types";
import { getDb, type Database } from "@/lib/db";
import { resultRows } from "@/lib/db/client";
import { products, purchasedLines } from "@/lib/db/schema";
import type { Order, OrderId } from "@/lib/domain/order";
import { errorText, log } from "@/lib/observability/logger";
import { ordersUpstream } from "@/lib/orders/upstream";
import { isUpstreamError } from "@/lib/upstream";

import { isBought, recordedOrderIds, recordOrders, type Buyer } from "./record-order";

/**
 * "Buy again": the SKUs a customer ordered before, newest first, from the lines the portal
 * recorded (lib/purchases/record-order.ts). A visit first records the customer's newest orders the
 * portal has not read yet, at most FILL_LIMIT of them, from one read of the order list.
 */

export const BUY_AGAIN_PAGE_SIZE = 24;
/** How many of the newest orders a visit looks at to record those not read yet. */
export const FILL_LIMIT = 20;
export const QUERY_MAX = 100;

export interface BoughtItem {
  sku: string;
  /** How many distinct orders held it. */
  timesOrdered: number;
  lastOrderedAt: Date;
  /** In price units, on the latest order. */
  lastQuantity: number;
  lastOrderId: OrderId;
  /** The mirror's product, or null when the catalogue no longer has it. */
  product: ProductSummary | null;
}

export interface BoughtPage {
  items: BoughtItem[];
  total: number;
  page: number;
  pageCount: number;
  query: string;
}

/** `%text%` for ILIKE, its wildcards taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** One page of what the buyer's active customer ordered before, matching `query` (SKU, title, vendor number, barcode). */
export async function boughtBefore(
  db: Database,
  buyer: Buyer,
  options: { query?: string; page?: number; pageSize?: number } = {},
): Promise<BoughtPage> {
  const customer = activeCustomer(buyer);
  const query = (options.query ?? "").trim().slice(0, QUERY_MAX);
  const pageSize = options.pageSize ?? BUY_AGAIN_PAGE_SIZE;
  const pattern = containsPattern(query);
  const matches = query
    ? sql`and (agg.sku ilike ${pattern} or p.title ilike ${pattern} or p.vendor_item_no ilike ${pattern} or p.barcode = ${query})`
    : sql``;
  const from = sql`
    from (
      select sku, count(distinct order_id)::int as times, max(ordered_at) as last_at
      from ${purchasedLines} where customer_code = ${customer} group by sku
    ) agg
    left join ${products} p on p.sku = agg.sku
    where true ${matches}`;
  const [counted] = resultRows<{ total: number | string }>(
    await db.execute(sql`select count(*)::int as total ${from}`),
  );
  const total = Number(counted?.total ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(options.page ?? 1)), pageCount);
  const rows = resultRows<{ sku: string; times: number | string; last_at: Date | string }>(
    await db.execute(
      sql`select agg.sku, agg.times, agg.last_at ${from} order by agg.last_at desc, agg.sku limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
  );
  const skus = rows.map((row) => row.sku);
  const [latest, summaries] = await Promise.all([latestLines(db, customer, skus), summariesBySku(db, skus)]);
  return {
    items: rows.map((row) => {
      const last = latest.get(row.sku);
      return {
        sku: row.sku,
        timesOrdered: Number(row.times),
        lastOrderedAt: new Date(row.last_at),
        lastQuantity: last?.quantity ?? 0,
        lastOrderId: last?.orderId ?? "",
        product: summaries.get(row.sku) ?? null,
      };
    }),
    total,
    page,
    pageCount,
    query,
  };
}

/** The latest recorded line of each SKU: its quantity and order. */
async function latestLines(
  db: Database,
  customer: string,
  skus: readonly string[],
): Promise<Map<string, { quantity: number; orderId: OrderId }>> {
  if (!skus.length) return new Map();
  const rows = await db
    .selectDistinctOn([purchasedLines.sku], {
      sku: purchasedLines.sku,
      quantity: purchasedLines.quantity,
      orderId: purchasedLines.orderId,
    })
    .from(purchasedLines)
    .where(and(eq(purchasedLines.customerCode, customer), inArray(purchasedLines.sku, [...skus])))
    .orderBy(purchasedLines.sku, sql`${purchasedLines.orderedAt} desc`, sql`${purchasedLines.orderId} desc`);
  return new Map(rows.map((row) => [row.sku, { quantity: row.quantity, orderId: row.orderId }]));
}

/** Which of these SKUs the buyer's active customer ordered before: one query for a whole page of cards. */
export async function boughtSkus(db: Database, buyer: Buyer, skus: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(skus.filter(Boolean))];
  if (!wanted.length) return new Set();
  const rows = await db
    .selectDistinct({ sku: purchasedLines.sku })
    .from(purchasedLines)
    .where(and(eq(purchasedLines.customerCode, activeCustomer(buyer)), inArray(purchasedLines.sku, wanted)));
  return new Set(rows.map((row) => row.sku));
}

/**
 * Records the newest orders (at most `limit`) of a list not recorded yet (canceled and refused
 * orders are never recorded). Returns how many orders were recorded.
 */
export async function recordNewestOrders(
  db: Database,
  customerCode: string,
  orders: readonly Order[],
  limit = FILL_LIMIT,
): Promise<number> {
  const newest = [...orders]
    .sort((a, b) => (b.updatedAt?.getTime() ?? 0) - (a.updatedAt?.getTime() ?? 0))
    .slice(0, limit)
    .filter((order) => (order.customer ? order.customer.code.toUpperCase() === customerCode.toUpperCase() : true));
  const known = await recordedOrderIds(
    db,
    customerCode,
    newest.map((order) => order.id),
  );
  const fresh = newest.filter((order) => isBought(order) && !known.has(order.id));
  if (fresh.length) await recordOrders(db, customerCode, fresh);
  return fresh.length;
}

export type BuyAgainView = BoughtPage & {
  /** False when the wholesaler's order list could not be read: the page shows what was recorded before. */
  upToDate: boolean;
};

/**
 * The buy-again page's use case: one page of what the customer bought before. Opening the page (its
 * first page, no search) first brings the record up to date from the wholesaler's order list; a
 * search or another page reads only the record, without asking the wholesaler again.
 */
export async function buyAgain(
  session: SessionToken,
  options: { query?: string; page?: number },
): Promise<BuyAgainView> {
  const db = await getDb();
  const customer = activeCustomer(session);
  let upToDate = true;
  const opening = !options.query && (options.page ?? 1) === 1;
  if (opening) {
    try {
      const upstream = await ordersUpstream(session);
      const orders = await upstream.orders({ customerId: actingFor(session) });
      await recordNewestOrders(db, customer, orders);
    } catch (error) {
      if (!isUpstreamError(error)) throw error;
      upToDate = false;
      log().warn({ kind: error.kind, error: errorText(error) }, "buy again: order list not read");
    }
  }
  return { ...(await boughtBefore(db, session, options)), upToDate };
}

/** The "bought before" mark of product cards: the session's active customer's SKUs among these; none when the database fails. */
export async function boughtSkusFor(session: SessionToken, skus: readonly string[]): Promise<Set<string>> {
  try {
    return await boughtSkus(await getDb(), session, skus);
  } catch (error) {
    log().warn({ error: errorText(error) }, "bought-before marks could not be read");
    return new Set();
  }
}
