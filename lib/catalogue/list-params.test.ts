import { describe, expect, it } from "vitest";

import { listQuery, parseListParams } from "./list-params";

describe("list params", () => {
  it("reads a shared URL", () => {
    expect(parseListParams({ sort: "price-asc", page: "3", instock: "1" })).toEqual({
      sort: "price-asc",
      page: 3,
      filters: { inStockOnly: true, dropshipableOnly: false },
    });
  });

  it("falls back to defaults on nonsense", () => {
    expect(parseListParams({ sort: "drop table", page: "-4", instock: "yes", dropship: ["1", "2"] })).toEqual({
      sort: "relevance",
      page: 1,
      filters: { inStockOnly: false, dropshipableOnly: true },
    });
    expect(parseListParams({ page: "1e9" }).page).toBe(1);
  });

  it("writes only what differs from the defaults", () => {
    expect(listQuery(parseListParams({}))).toBe("");
    expect(listQuery(parseListParams({ sort: "sku", page: "2" }), { q: "kookplaat" })).toBe(
      "?q=kookplaat&sort=sku&page=2",
    );
  });
});
