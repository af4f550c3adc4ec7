import type { PriceTier } from "@/lib/domain/product";

/** Cent-exact money arithmetic: amounts are rounded to cents per line, as an invoice does. */
export const roundMoney = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

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
  const totalExVat = roundMoney(tier.exVat * line.quantity);
  const totalIncVat = roundMoney(totalExVat * (1 + tier.vatRate / 100));
  return { tier, unitExVat: tier.exVat, totalExVat, totalIncVat, vatRate: tier.vatRate };
}

export interface VatTotals {
  byRate: { vatRate: number; exVat: number; vat: number; incVat: number }[];
  exVat: number;
  vat: number;
  incVat: number;
}

/** Totals per VAT rate and overall; VAT is computed per rate on the summed net amounts. */
export function vatTotals(lines: readonly { totalExVat: number | null; vatRate: number | null }[]): VatTotals {
  const net = new Map<number, number>();
  for (const line of lines) {
    if (line.totalExVat === null || line.vatRate === null) continue;
    net.set(line.vatRate, roundMoney((net.get(line.vatRate) ?? 0) + line.totalExVat));
  }
  const byRate = [...net.entries()]
    .sort(([a], [b]) => b - a)
    .map(([vatRate, exVat]) => {
      const vat = roundMoney((exVat * vatRate) / 100);
      return { vatRate, exVat, vat, incVat: roundMoney(exVat + vat) };
    });
  const exVat = roundMoney(byRate.reduce((sum, rate) => sum + rate.exVat, 0));
  const vat = roundMoney(byRate.reduce((sum, rate) => sum + rate.vat, 0));
  return { byRate, exVat, vat, incVat: roundMoney(exVat + vat) };
}
