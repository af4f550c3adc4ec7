import { describe, expect, it } from "vitest";

import { line } from "@/tests/fixtures/orders";
import { lineTotal, orderTotals, roundMoney } from "./totals";

describe("line total", () => {
  it("is the sold price times the quantity in price units", () => {
    expect(lineTotal(line({ soldPrice: 44.99, quantity: 2, vatRate: 21 }))).toEqual({ exVat: 89.98, incVat: 108.88 });
  });

  it("does not multiply by the sales unit again: two boxes of 10 at 1.15 a piece are 23.00", () => {
    expect(lineTotal(line({ soldPrice: 1.15, quantity: 20, salesUnitAmount: 10, vatRate: 9 })).exVat).toBe(23);
  });

  it("rounds to cents without float noise", () => {
    expect(lineTotal(line({ soldPrice: 0.1, quantity: 3 })).exVat).toBe(0.3);
    expect(lineTotal(line({ soldPrice: 1.005, quantity: 1 })).exVat).toBe(1.01);
    expect(roundMoney(2.675)).toBe(2.68);
  });

  it("has no total without a sold price, and no amount incl. VAT without a rate", () => {
    expect(lineTotal(line({ soldPrice: null }))).toEqual({ exVat: null, incVat: null });
    expect(lineTotal(line({ soldPrice: 10, quantity: 1, vatRate: null }))).toEqual({ exVat: 10, incVat: null });
  });
});

describe("order totals", () => {
  it("groups per VAT rate, highest first, with VAT on the summed net amount", () => {
    const totals = orderTotals([
      line({ soldPrice: 0.33, quantity: 1, vatRate: 21 }),
      line({ soldPrice: 0.33, quantity: 1, vatRate: 21 }),
      line({ soldPrice: 10, quantity: 3, vatRate: 9 }),
      line({ soldPrice: 5, quantity: 1, vatRate: 0 }),
    ]);
    expect(totals.byRate).toEqual([
      { vatRate: 21, exVat: 0.66, vat: 0.14, incVat: 0.8 },
      { vatRate: 9, exVat: 30, vat: 2.7, incVat: 32.7 },
      { vatRate: 0, exVat: 5, vat: 0, incVat: 5 },
    ]);
    expect(totals).toMatchObject({ exVat: 35.66, vat: 2.84, incVat: 38.5, incomplete: false });
  });

  it("leaves unpriced lines out and says so", () => {
    const totals = orderTotals([line({ soldPrice: 10, quantity: 1 }), line({ soldPrice: null })]);
    expect(totals).toMatchObject({ exVat: 10, vat: 2.1, incVat: 12.1, incomplete: true, unpriced: 1 });
  });

  it("has no VAT total when a line's rate is unknown", () => {
    const totals = orderTotals([
      line({ soldPrice: 10, quantity: 1, vatRate: null }),
      line({ soldPrice: 10, quantity: 1 }),
    ]);
    expect(totals.byRate.at(-1)).toEqual({ vatRate: null, exVat: 10, vat: null, incVat: null });
    expect(totals).toMatchObject({ exVat: 20, vat: null, incVat: null });
  });

  it("is zero for an order without lines", () => {
    expect(orderTotals([])).toEqual({ byRate: [], unpriced: 0, exVat: 0, vat: 0, incVat: 0, incomplete: false });
  });
});
