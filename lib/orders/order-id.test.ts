import { describe, expect, it } from "vitest";

import { parseOrderId } from "./order-id";

describe("order id from the URL", () => {
  it.each([
    ["100012", 100012],
    ["1", 1],
  ])("%s is %d", (raw, id) => {
    expect(parseOrderId(raw)).toBe(id);
  });

  it.each(["0", "-1", "01", "1e3", "12.5", "abc", "", " ", "ORD123456", "9999999999999999", "%31"])(
    "%j is no order id",
    (raw) => {
      expect(parseOrderId(raw)).toBeNull();
    },
  );
});
