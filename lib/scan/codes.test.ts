import { describe, expect, it } from "vitest";

import { barcodeCandidates, couldBeSku, gs1CheckDigit, hasValidCheckDigit, normaliseCode } from "./codes";
import { scannedCodeSchema } from "./code-schema";

describe("scanned codes", () => {
  it("computes GS1 check digits of EAN-13, EAN-8 and UPC-A", () => {
    expect(gs1CheckDigit("400638133393")).toBe(1);
    expect(gs1CheckDigit("590123412345")).toBe(7);
    expect(gs1CheckDigit("9638507")).toBe(4);
    expect(gs1CheckDigit("03600029145")).toBe(2);
  });

  it("checks the last digit", () => {
    expect(hasValidCheckDigit("4006381333931")).toBe(true);
    expect(hasValidCheckDigit("4006381333932")).toBe(false);
    expect(hasValidCheckDigit("96385074")).toBe(true);
    expect(hasValidCheckDigit("036000291452")).toBe(true);
    expect(hasValidCheckDigit("ABC-123")).toBe(false);
  });

  it("drops spaces and dashes between typed digits, keeps Code 128 text", () => {
    expect(normaliseCode(" 87 12345-67890 6\n")).toBe("8712345678906");
    expect(normaliseCode(" KP-2000 ")).toBe("KP-2000");
  });

  it("validates what a scanner may type", () => {
    expect(scannedCodeSchema.parse(" 4006381333931 ")).toBe("4006381333931");
    expect(scannedCodeSchema.safeParse("").success).toBe(false);
    expect(scannedCodeSchema.safeParse("two words").success).toBe(false);
    expect(scannedCodeSchema.safeParse("x".repeat(65)).success).toBe(false);
    expect(scannedCodeSchema.safeParse("<script>").success).toBe(true);
    expect(scannedCodeSchema.safeParse("é").success).toBe(false);
  });

  it("looks a UPC-A up under its EAN-13 form too, and the other way round", () => {
    expect(barcodeCandidates("036000291452")).toEqual(["036000291452", "0036000291452"]);
    expect(barcodeCandidates("0036000291452")).toEqual(["0036000291452", "036000291452"]);
    expect(barcodeCandidates("4006381333931")).toEqual(["4006381333931"]);
    expect(barcodeCandidates("KP-2000")).toEqual([]);
  });

  it("knows which codes could be a SKU", () => {
    expect(couldBeSku("KP-2000")).toBe(true);
    expect(couldBeSku("<script>")).toBe(false);
  });
});
