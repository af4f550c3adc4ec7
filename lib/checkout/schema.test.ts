import { describe, expect, it } from "vitest";

import { EMPTY_DROPSHIP, isValidPostcode, normalisePostcode } from "./delivery-address";
import { checkoutSchema } from "./schema";

const base = {
  attemptId: "ABCDEFGH2345",
  reference: "PO-1",
  notes: "",
  test: false,
  delivery: "own" as const,
  ...EMPTY_DROPSHIP,
};

const issues = (value: object) => {
  const result = checkoutSchema.safeParse(value);
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join("."), issue.message]));
};

describe("checkout schema", () => {
  it("refuses NUL, control characters and lone surrogates per field, and a 1 MB value as too long", () => {
    expect(issues({ ...base, reference: "PO\u00001" })).toEqual({ reference: "invalidCharacters" });
    expect(issues({ ...base, reference: "PO-\uD800" })).toEqual({ reference: "invalidCharacters" });
    expect(issues({ ...base, reference: "PO-\uDC00x" })).toEqual({ reference: "invalidCharacters" });
    expect(issues({ ...base, notes: "a\u0000b" })).toEqual({ notes: "invalidCharacters" });
    expect(issues({ ...base, notes: "line one\nline two\tand a tab" })).toEqual({});
    expect(issues({ ...base, reference: "PO 😀 1" })).toEqual({});
    expect(issues({ ...base, reference: "x".repeat(1024 * 1024) }).reference).toBe("referenceTooLong");
    expect(issues({ ...base, attemptId: "ABCDEFGH234\u0000" })).toEqual({ attemptId: "invalid" });
  });

  it("accepts an order to the own address", () => {
    expect(issues(base)).toEqual({});
  });

  it("counts the reference to 50 characters", () => {
    expect(issues({ ...base, reference: "x".repeat(50) })).toEqual({});
    expect(issues({ ...base, reference: "x".repeat(51) })).toEqual({ reference: "referenceTooLong" });
    expect(issues({ ...base, reference: "   " })).toEqual({ reference: "required" });
  });

  it("requires the drop-ship address and checks postcodes per country", () => {
    expect(Object.keys(issues({ ...base, delivery: "dropship" })).sort()).toEqual(
      ["city", "firstName", "houseNumber", "lastName", "phone", "postcode", "street"].sort(),
    );
    const dropship = {
      ...base,
      delivery: "dropship" as const,
      firstName: "Jane",
      lastName: "Doe",
      street: "Elm Street",
      houseNumber: "456",
      city: "Rotterdam",
      phone: "+31 20 123 4567",
    };
    expect(issues({ ...dropship, postcode: "5678 CD" })).toEqual({});
    expect(issues({ ...dropship, postcode: "0678CD" })).toEqual({ postcode: "postcodeNL" });
    expect(issues({ ...dropship, country: "BE", postcode: "1000" })).toEqual({});
    expect(issues({ ...dropship, country: "DE", postcode: "1000" })).toEqual({ postcode: "postcodeDE" });
    expect(issues({ ...dropship, postcode: "5678CD", phone: "call me" })).toEqual({ phone: "phone" });
  });

  it("refuses unknown countries and forged attempt ids", () => {
    expect(issues({ ...base, country: "FR" })).toHaveProperty("country");
    expect(issues({ ...base, attemptId: "../../etc" })).toHaveProperty("attemptId");
  });

  it("normalises postcodes for the wholesaler", () => {
    expect(normalisePostcode("NL", " 5678 cd ")).toBe("5678CD");
    expect(isValidPostcode("BE", "9000")).toBe(true);
    expect(isValidPostcode("DE", "01067")).toBe(true);
  });
});
