import { describe, expect, it } from "vitest";

import { isFinalStatus, normaliseOrderStatus, ORDER_STATUSES } from "@/lib/domain/order";
import { mapOrderStatus } from "@/lib/upstream/map";

/** Edge cases beyond lib/upstream/map.test.ts: white space, aliases, empty values, what counts as final. */
describe("status normalisation, edge cases", () => {
  it.each([
    ["  Complete \n", "complete"],
    ["COMPLETED", "complete"],
    ["Canceled", "canceled"],
    ["CANCELLED", "canceled"],
    ["in m3", "in-m3"],
    ["IN_M3", "in-m3"],
    ["InM3", "in-m3"],
    ["m3 error", "m3-error"],
    ["M3_ERROR", "m3-error"],
    ["PENDING", "pending"],
    ["", "unknown"],
    ["   ", "unknown"],
    ["shipped-partially", "unknown"],
  ])("%j is %s", (raw, status) => {
    expect(normaliseOrderStatus(raw)).toBe(status);
  });

  it("only complete and canceled are final: errors may still be fixed by the wholesaler", () => {
    expect(ORDER_STATUSES.filter(isFinalStatus)).toEqual(["complete", "canceled"]);
    expect(isFinalStatus("unknown")).toBe(false);
  });

  it("keeps the upstream's own word of an unknown status, and reads a missing or bad time as unknown", () => {
    expect(mapOrderStatus("On hold", null)).toEqual({ status: "unknown", statusRaw: "On hold", updatedAt: null });
    expect(mapOrderStatus("Shipped", "not a date").updatedAt).toBeNull();
    expect(mapOrderStatus("In-m3", "2024-10-27T02:30:00+01:00").updatedAt?.toISOString()).toBe(
      "2024-10-27T01:30:00.000Z",
    );
  });
});
