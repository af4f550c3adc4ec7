import { describe, expect, it } from "vitest";

import { orderPathSegment, parseOrderId } from "./order-id";

describe("order id from the URL", () => {
  it.each([
    ["100012", "100012"],
    ["1", "1"],
    ["0", "0"],
    ["ORD123456", "ORD123456"],
    ["ord-2024.05_17", "ord-2024.05_17"],
    ["A".repeat(64), "A".repeat(64)],
  ])("%s is the id %s, as text", (raw, id) => {
    expect(parseOrderId(raw)).toBe(id);
  });

  it.each([
    "",
    " ",
    ".",
    "..",
    ".hidden",
    "-1",
    "_x",
    "a/b",
    "a\\b",
    "ORD 1",
    "ORD%31",
    "ORD\u0000",
    "ORD\u00e9",
    "ORD\ud800",
    "A".repeat(65),
    "<script>",
  ])("%j is no order id", (raw) => {
    expect(parseOrderId(raw)).toBeNull();
  });

  it("encodes an id as one path segment that decodes back to the same id", () => {
    for (const id of ["100123", "ORD123456", "ord-2024.05_17"]) {
      const segment = orderPathSegment(id);
      expect(segment).not.toContain("/");
      expect(parseOrderId(decodeURIComponent(segment))).toBe(id);
    }
  });
});
