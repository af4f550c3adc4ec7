import { describe, expect, it } from "vitest";

import { estimateAtLastPrices, lineAtLastPrice } from "./estimate";

describe("estimateAtLastPrices", () => {
  it("counts lines at the last price paid where known, at list price otherwise, and leaves out lines on request", () => {
    const estimate = estimateAtLastPrices(
      [
        { sku: "A", quantity: 10, totalExVat: 771.8 },
        { sku: "B", quantity: 3, totalExVat: 30.15 },
        { sku: "C", quantity: 1, totalExVat: null },
      ],
      new Map([["A", { unitPrice: 61.74 }]]),
    );
    expect(estimate).toEqual({ exVat: 647.55, atLastPrice: 1, atListPrice: 1, notCounted: 1 });
  });

  it("rounds each line half up in cents, never in floating point", () => {
    // 0.427 × 5 = 2.135: 2.14 on an invoice (floating point makes it 2.13).
    expect(
      estimateAtLastPrices([{ sku: "A", quantity: 5, totalExVat: 3 }], new Map([["A", { unitPrice: 0.427 }]])),
    ).toMatchObject({ exVat: 2.14 });
  });

  it("is no estimate when no line has a last price", () => {
    expect(estimateAtLastPrices([{ sku: "A", quantity: 1, totalExVat: 5 }], new Map())).toBeNull();
  });

  it("gives each line at its last price, rounded as the total counts it, and nothing without one", () => {
    expect(lineAtLastPrice({ quantity: 5 }, { unitPrice: 0.427 })).toBe(2.14);
    expect(lineAtLastPrice({ quantity: 10 }, { unitPrice: 61.74 })).toBe(617.4);
    expect(lineAtLastPrice({ quantity: 10 }, undefined)).toBeNull();
  });
});
