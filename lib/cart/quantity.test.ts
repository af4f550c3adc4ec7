import { describe, expect, it } from "vitest";

import { isValidQuantity, roundToSalesUnit, stepQuantity } from "./quantity";

describe("quantities in sales units", () => {
  it.each([
    [1, 10, 10],
    [10, 10, 10],
    [11, 10, 20],
    [7, 5, 10],
    [3, 1, 3],
    [2.4, 1, 3],
    [0, 25, 25],
    [-4, 5, 5],
    [Number.NaN, 5, 5],
    [26, 25, 50],
  ])("%s with a sales unit of %s becomes %s", (wanted, unit, expected) => {
    expect(roundToSalesUnit(wanted, unit)).toBe(expected);
  });

  it("never exceeds the maximum line quantity", () => {
    expect(roundToSalesUnit(1e9, 25)).toBe(100_000);
    expect(roundToSalesUnit(1e9, 7)).toBe(99_995);
  });

  it("steps a box of 10 by 10 and not below one box", () => {
    expect(stepQuantity(10, 10, 1)).toBe(20);
    expect(stepQuantity(20, 10, -1)).toBe(10);
    expect(stepQuantity(10, 10, -1)).toBe(10);
    expect(stepQuantity(13, 10, 1)).toBe(30);
  });

  it("knows a valid quantity", () => {
    expect(isValidQuantity(20, 10)).toBe(true);
    expect(isValidQuantity(15, 10)).toBe(false);
    expect(isValidQuantity(0, 1)).toBe(false);
    expect(isValidQuantity(1.5, 1)).toBe(false);
  });
});
