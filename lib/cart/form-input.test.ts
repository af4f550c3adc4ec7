import { describe, expect, it } from "vitest";

import { quantityError } from "./form-state";
import { formFields } from "@/lib/http/posted-form";

import { editCartForm, typedQuantitySchema } from "./schemas";

/** What the cart's forms post (a native post carries text fields only) and how the server reads it. */
function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

function typed(text: string) {
  const parsed = typedQuantitySchema.safeParse(text);
  return parsed.success ? parsed.data : quantityError(parsed.error.issues[0]?.message);
}

describe("a typed quantity", () => {
  it("is a number of 1 or more, with a decimal comma or point (the use case rounds it up)", () => {
    expect(typed("10")).toBe(10);
    expect(typed(" 7 ")).toBe(7);
    expect(typed("2,5")).toBe(2.5);
    expect(typed("2.5")).toBe(2.5);
  });

  it("that is not a number, or not positive, is said as such", () => {
    for (const text of ["", "lots", "1e3", "-4", "0", "0,0", "12abc", "١٢"]) expect(typed(text)).toBe("quantity");
  });

  it("above what one line holds is said as such", () => {
    expect(typed("100000")).toBe(100_000);
    expect(typed("100001")).toBe("tooMany");
    expect(typed("250000")).toBe("tooMany");
  });
});

describe("the cart page's forms", () => {
  const read = (fields: Record<string, string>) => editCartForm.safeParse(formFields(form(fields)));

  it("name their change by the button pressed; a typed quantity without one is an update", () => {
    expect(read({ sku: "AB-1", quantity: "3" }).data).toEqual({ intent: "set", sku: "AB-1", quantity: "3" });
    expect(read({ sku: "AB-1", quantity: "3", intent: "increase" }).data).toEqual({ intent: "increase", sku: "AB-1" });
    expect(read({ sku: "AB-1", intent: "remove" }).data).toEqual({ intent: "remove", sku: "AB-1" });
    expect(read({ intent: "empty" }).data).toEqual({ intent: "empty" });
  });

  it("refuse an unknown change or a SKU no product can have", () => {
    expect(read({ sku: "AB-1", intent: "delete-all" }).success).toBe(false);
    expect(read({ sku: "AB 1'; --", intent: "remove" }).success).toBe(false);
    expect(read({ intent: "remove" }).success).toBe(false);
  });

  it("read text fields only, the first of a repeated one", () => {
    const data = form({ sku: "AB-1", intent: "remove" });
    data.append("sku", "OTHER");
    data.append("file", new Blob(["x"]), "x.txt");
    expect(formFields(data)).toEqual({ sku: "AB-1", intent: "remove" });
  });
});
