import type { createFormatter } from "next-intl";

import { parseOrderId } from "@/lib/orders/order-id";

import type { LastPrice } from "./last-prices";

/** What "You paid €61.74 excl. VAT per piece on 12 Nov 2026, order 100343" says of a last price, formatted. */
export interface LastPriceTexts {
  price: string;
  date: string;
  orderId: string;
  /** The order's page, or null when the id is not one the portal can open. */
  orderPath: string | null;
}

/** The page of the order a last price was paid on, or null when the id is not one the portal can open. */
export function orderPathOf(orderId: string): string | null {
  return parseOrderId(orderId) === null ? null : `/orders/${encodeURIComponent(orderId)}`;
}

/**
 * The texts of a last price in the page's language and time zone: one function for the component
 * (components/purchases/last-price-paid.tsx) and for a page's shared copy, which fills them in per
 * user (lib/http/personal-documents.ts), so both say the same.
 */
export function lastPriceTexts(last: LastPrice, format: ReturnType<typeof createFormatter>): LastPriceTexts {
  return {
    price: format.number(last.unitPrice, { style: "currency", currency: last.currency || "EUR" }),
    date: format.dateTime(last.orderedAt, "short"),
    orderId: last.orderId,
    orderPath: orderPathOf(last.orderId),
  };
}
