import type { Resolver } from "react-hook-form";
import { describe, expect, it } from "vitest";

import { EMPTY_DROPSHIP } from "@/lib/checkout/delivery-address";
import type { CheckoutInput } from "@/lib/checkout/schema";

import { deferredResolver } from "./deferred-resolver";

const details: CheckoutInput = {
  attemptId: "ABCDEF123456",
  reference: "",
  notes: "",
  test: false,
  delivery: "own",
  ...EMPTY_DROPSHIP,
};
const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<CheckoutInput>>[2];

/** The checkout's own resolver, loaded as the form loads it; the first `failures` loads fail as a dropped connection does. */
function checkoutLoads(failures: number) {
  let loads = 0;
  const load = () => {
    loads += 1;
    if (loads <= failures) return Promise.reject(new TypeError("Failed to fetch dynamically imported module"));
    return import("@/components/checkout/details-resolver").then((module) => module.checkoutResolver);
  };
  return { load, loads: () => loads };
}

describe("a form check loaded when the form is first used", () => {
  it("checks with the loaded schema, loading it once however often it is asked", async () => {
    const loads = checkoutLoads(0);
    const check = deferredResolver(loads.load);
    check.preload();
    const first = await check.resolver(details, undefined, options);
    expect(first.errors.reference?.message).toBe("required");
    const second = await check.resolver({ ...details, reference: "  PO-1  " }, undefined, options);
    expect(second.errors).toEqual({});
    // The schema's own output: the reference trimmed, as the server action stores it.
    expect(second.values).toMatchObject({ reference: "PO-1" });
    expect(loads.loads()).toBe(1);
  });

  it("leaves the check to the server while the code cannot be loaded, and loads it at the next check", async () => {
    const loads = checkoutLoads(1);
    const check = deferredResolver(loads.load);
    const unchecked = await check.resolver(details, undefined, options);
    expect(unchecked).toEqual({ values: details, errors: {} });
    const checked = await check.resolver(details, undefined, options);
    expect(checked.errors.reference?.message).toBe("required");
    expect(loads.loads()).toBe(2);
  });
});
