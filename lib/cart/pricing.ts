import type { PriceTier } from "@/lib/domain/product";
import { lineAmounts, totalsByRate } from "@/lib/money";

/** The tier that applies at a quantity: the highest `minQuantity` not above it. */
export function tierFor(prices: readonly PriceTier[], quantity: number): PriceTier | null {
  let chosen: PriceTier | null = null;
  for (const tier of [...prices].sort((a, b) => a.minQuantity - b.minQuantity)) {
    if (tier.minQuantity <= quantity) chosen = tier;
  }
  return chosen ?? null;
}

/** The next cheaper tier above a quantity, and how many more price units reach it. */
export function nextTier(prices: readonly PriceTier[], quantity: number): { tier: PriceTier; missing: number } | null {
  const next = [...prices].sort((a, b) => a.minQuantity - b.minQuantity).find((tier) => tier.minQuantity > quantity);
  return next ? { tier: next, missing: next.minQuantity - quantity } : null;
}

export interface PricedLine {
  quantity: number;
  prices: readonly PriceTier[];
  priceOnDemand: boolean;
}

export interface LinePrice {
  tier: PriceTier | null;
  unitExVat: number | null;
  totalExVat: number | null;
  totalIncVat: number | null;
  vatRate: number | null;
}

/** A cart line's price at its quantity; null amounts when the price is on demand or unknown. */
export function priceLine(line: PricedLine): LinePrice {
  const tier = line.priceOnDemand ? null : tierFor(line.prices, line.quantity);
  if (!tier || tier.priceOnDemand) {
    return { tier: null, unitExVat: null, totalExVat: null, totalIncVat: null, vatRate: tier?.vatRate ?? null };
  }
  const amounts = lineAmounts(tier.exVat, line.quantity, tier.vatRate);
  return {
    tier,
    unitExVat: tier.exVat,
    totalExVat: amounts.exVat,
    totalIncVat: amounts.incVat,
    vatRate: tier.vatRate,
  };
}

export interface VatTotals {
  byRate: { vatRate: number; exVat: number; vat: number; incVat: number }[];
  exVat: number;
  vat: number;
  incVat: number;
  /** Lines without a price (on request, or no tier at their quantity): left out of the sums above. */
  unpriced: number;
}

/** Totals per VAT rate and overall (see lib/money.ts); lines without a price are counted apart. */
export function vatTotals(lines: readonly { totalExVat: number | null; vatRate: number | null }[]): VatTotals {
  const priced: { exVat: number; vatRate: number }[] = [];
  for (const line of lines) {
    if (line.totalExVat !== null && line.vatRate !== null)
      priced.push({ exVat: line.totalExVat, vatRate: line.vatRate });
  }
  const totals = totalsByRate(priced);
  return {
    byRate: totals.byRate,
    exVat: totals.exVat,
    vat: totals.vat ?? 0,
    incVat: totals.incVat ?? totals.exVat,
    unpriced: lines.length - priced.length,
  };
}
