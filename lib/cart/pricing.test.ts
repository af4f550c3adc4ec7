import { describe, expect, it } from "vitest";

import type { PriceTier } from "@/lib/domain/product";

import { nextTier, priceLine, tierFor, vatTotals } from "./pricing";

const tier = (minQuantity: number, exVat: number, vatRate = 21): PriceTier => ({
  minQuantity,
  exVat,
  incVat: Math.round(exVat * (100 + vatRate)) / 100,
  vatAmount: Math.round(exVat * vatRate) / 100,
  vatRate,
  priceOnDemand: false,
});

const tiers = [tier(50, 8), tier(1, 10), tier(10, 9)];

describe("tiers", () => {
  it("applies the highest minqty not above the quantity", () => {
    expect(tierFor(tiers, 1)?.exVat).toBe(10);
    expect(tierFor(tiers, 9)?.exVat).toBe(10);
    expect(tierFor(tiers, 10)?.exVat).toBe(9);
    expect(tierFor(tiers, 49)?.exVat).toBe(9);
    expect(tierFor(tiers, 50)?.exVat).toBe(8);
    expect(tierFor([tier(10, 9)], 5)).toBeNull();
  });

  it("says how many more reach the next tier", () => {
    expect(nextTier(tiers, 4)).toMatchObject({ missing: 6, tier: { minQuantity: 10 } });
    expect(nextTier(tiers, 50)).toBeNull();
  });
});

describe("line prices and VAT totals", () => {
  it("prices a line at its tier", () => {
    expect(priceLine({ quantity: 20, prices: tiers, priceOnDemand: false })).toMatchObject({
      unitExVat: 9,
      totalExVat: 180,
      totalIncVat: 217.8,
      vatRate: 21,
    });
  });

  it("gives no amount for price on demand", () => {
    expect(priceLine({ quantity: 1, prices: tiers, priceOnDemand: true }).totalExVat).toBeNull();
  });

  it("totals per VAT rate, VAT on the sum per rate, in cents", () => {
    const totals = vatTotals([
      { totalExVat: 10.01, vatRate: 21 },
      { totalExVat: 10.01, vatRate: 21 },
      { totalExVat: 33.33, vatRate: 9 },
      { totalExVat: null, vatRate: 21 },
    ]);
    expect(totals.byRate).toEqual([
      { vatRate: 21, exVat: 20.02, vat: 4.2, incVat: 24.22 },
      { vatRate: 9, exVat: 33.33, vat: 3, incVat: 36.33 },
    ]);
    expect(totals).toMatchObject({ exVat: 53.35, vat: 7.2, incVat: 60.55 });
  });
});
