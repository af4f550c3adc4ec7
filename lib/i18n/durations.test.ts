import { describe, expect, it } from "vitest";

import { inLargestUnit } from "./durations";

const said = (seconds: number, locale: string) => {
  const { value, unit } = inLargestUnit(seconds);
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
};

describe("a length of time in its largest unit", () => {
  it("says seconds, minutes, hours and days where each reads best", () => {
    expect([0, 1, 119, 120, 7199, 7200, 172_799, 172_800, 30 * 86_400].map((s) => inLargestUnit(s))).toEqual([
      { value: 0, unit: "second" },
      { value: 1, unit: "second" },
      { value: 119, unit: "second" },
      { value: 2, unit: "minute" },
      { value: 119, unit: "minute" },
      { value: 2, unit: "hour" },
      { value: 47, unit: "hour" },
      { value: 2, unit: "day" },
      { value: 30, unit: "day" },
    ]);
  });

  it("never says a negative or a fraction", () => {
    expect(inLargestUnit(-5)).toEqual({ value: 0, unit: "second" });
    expect(inLargestUnit(59.9)).toEqual({ value: 59, unit: "second" });
  });

  it("reads in English and Dutch", () => {
    expect([1, 45, 600, 3 * 3600, 3 * 86_400].map((s) => said(s, "en"))).toEqual([
      "1 second",
      "45 seconds",
      "10 minutes",
      "3 hours",
      "3 days",
    ]);
    expect([1, 45, 600, 3 * 3600, 3 * 86_400].map((s) => said(s, "nl"))).toEqual([
      "1 seconde",
      "45 seconden",
      "10 minuten",
      "3 uur",
      "3 dagen",
    ]);
  });
});
