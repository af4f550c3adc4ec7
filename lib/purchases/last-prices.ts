import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";

import { activeCustomer } from "@/lib/acting/policy";
import type { SessionToken } from "@/lib/auth/session-types";
import { getDb, type Database } from "@/lib/db";
import { purchasedLines } from "@/lib/db/schema";
import type { OrderId } from "@/lib/domain/order";
import { errorText, log } from "@/lib/observability/logger";

import type { Buyer } from "./record-order";

/** The last price a customer paid for a SKU: per price unit, excluding VAT, on its latest order. */
export interface LastPrice {
  unitPrice: number;
  currency: string;
  orderedAt: Date;
  orderId: OrderId;
}

/**
 * The last price paid per SKU by the person's active customer: their own customer's, or, for
 * staff acting for a customer, that customer's. Never another customer's. SKUs without a known
 * price are absent. The latest order wins (by date, then by order id).
 */
export async function lastPrices(db: Database, buyer: Buyer, skus: readonly string[]): Promise<Map<string, LastPrice>> {
  const wanted = [...new Set(skus.filter(Boolean))];
  if (!wanted.length) return new Map();
  const rows = await db
    .selectDistinctOn([purchasedLines.sku], {
      sku: purchasedLines.sku,
      unitPrice: purchasedLines.unitPrice,
      currency: purchasedLines.currency,
      orderedAt: purchasedLines.orderedAt,
      orderId: purchasedLines.orderId,
    })
    .from(purchasedLines)
    .where(
      and(
        eq(purchasedLines.customerCode, activeCustomer(buyer)),
        inArray(purchasedLines.sku, wanted),
        isNotNull(purchasedLines.unitPrice),
      ),
    )
    .orderBy(purchasedLines.sku, desc(purchasedLines.orderedAt), desc(purchasedLines.orderId));
  const prices = new Map<string, LastPrice>();
  for (const row of rows) {
    const unitPrice = Number(row.unitPrice);
    if (!Number.isFinite(unitPrice)) continue;
    prices.set(row.sku, { unitPrice, currency: row.currency, orderedAt: row.orderedAt, orderId: row.orderId });
  }
  return prices;
}

/** The use case for pages: the session's active customer's last prices; none when the database fails. */
export async function lastPricesFor(session: SessionToken, skus: readonly string[]): Promise<Map<string, LastPrice>> {
  try {
    return await lastPrices(await getDb(), session, skus);
  } catch (error) {
    // A nicety beside the list price: the page is shown without it.
    log().warn({ error: errorText(error) }, "last prices could not be read");
    return new Map();
  }
}
