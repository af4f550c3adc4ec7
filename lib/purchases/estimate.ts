import { fromCents, lineCents, toCents } from "@/lib/money";

import type { LastPrice } from "./last-prices";

/**
 * What a cart would come to at the dealer's own last prices: an estimate, since the wholesaler
 * settles the price when the order is placed. Lines with a last price count at it (per price unit
 * × quantity, rounded per line); lines without one count at their list price; lines with neither
 * (price on request) are left out and counted.
 */
export interface PriceEstimate {
  /** Excluding VAT. */
  exVat: number;
  /** Lines counted at the dealer's last price. */
  atLastPrice: number;
  /** Lines without a last price, counted at the list price. */
  atListPrice: number;
  /** Lines with no price at all, not counted. */
  notCounted: number;
}

export interface EstimatedLine {
  sku: string;
  /** In price units. */
  quantity: number;
  /** The line at list price, excluding VAT; null when on request. */
  totalExVat: number | null;
}

/** A line at the dealer's last price: per price unit × quantity, rounded per line, in cents. */
function lastPriceCents(line: Pick<EstimatedLine, "quantity">, last: Pick<LastPrice, "unitPrice">): number {
  return lineCents(last.unitPrice, line.quantity);
}

/** One line at the dealer's last price, excluding VAT (an estimate, shown per line); null without one. */
export function lineAtLastPrice(
  line: Pick<EstimatedLine, "quantity">,
  last: Pick<LastPrice, "unitPrice"> | undefined,
): number | null {
  return last ? fromCents(lastPriceCents(line, last)) : null;
}

/** The estimate, or null when no line has a last price (the list-price totals say it all). */
export function estimateAtLastPrices(
  lines: readonly EstimatedLine[],
  lastPrices: ReadonlyMap<string, Pick<LastPrice, "unitPrice">>,
): PriceEstimate | null {
  let cents = 0;
  const counts = { atLastPrice: 0, atListPrice: 0, notCounted: 0 };
  for (const line of lines) {
    const last = lastPrices.get(line.sku);
    if (last) {
      cents += lastPriceCents(line, last);
      counts.atLastPrice += 1;
    } else if (line.totalExVat !== null) {
      cents += toCents(line.totalExVat);
      counts.atListPrice += 1;
    } else {
      counts.notCounted += 1;
    }
  }
  if (!counts.atLastPrice) return null;
  return { exVat: fromCents(cents), ...counts };
}
