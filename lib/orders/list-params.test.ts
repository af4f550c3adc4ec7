import { describe, expect, it } from "vitest";

import { hasActiveFilters, isCalendarDay, orderListQuery, parseOrderListParams } from "./list-params";

describe("order list params", () => {
  it("reads a shared URL", () => {
    expect(
      parseOrderListParams({
        status: ["shipped", "complete"],
        from: "2024-01-01",
        to: "2024-03-31",
        q: "  PO 1234 ",
        sort: "total-desc",
        page: "2",
      }),
    ).toEqual({
      filters: { statuses: ["shipped", "complete"], from: "2024-01-01", to: "2024-03-31", text: "PO 1234" },
      sort: "total-desc",
      page: 2,
    });
  });

  it("reads URLSearchParams, repeated and comma separated statuses, in lifecycle order without duplicates", () => {
    const params = parseOrderListParams(new URLSearchParams("status=complete&status=Pending,shipped&status=shipped"));
    expect(params.filters.statuses).toEqual(["pending", "shipped", "complete"]);
  });

  it("drops unknown statuses and keeps the known ones", () => {
    expect(parseOrderListParams({ status: ["shipped", "<script>", "unknown"] }).filters.statuses).toEqual(["shipped"]);
  });

  it("falls back to defaults on nonsense, never throwing", () => {
    expect(
      parseOrderListParams({
        status: "drop table",
        from: "2024-02-30",
        to: "yesterday",
        sort: "price",
        page: "-3",
      }),
    ).toEqual({ filters: { statuses: [], from: null, to: null, text: "" }, sort: "date-desc", page: 1 });
    expect(parseOrderListParams({ page: "1e9" }).page).toBe(1);
    expect(parseOrderListParams({ page: "2.5" }).page).toBe(1);
    expect(parseOrderListParams({ from: "1900-01-01" }).filters.from).toBeNull();
    expect(parseOrderListParams({ sort: ["total-asc", "date-asc"] }).sort).toBe("total-asc");
  });

  it("limits the text and folds its white space", () => {
    expect(parseOrderListParams({ q: "a\t\n  b" }).filters.text).toBe("a b");
    expect(parseOrderListParams({ q: "x".repeat(500) }).filters.text).toHaveLength(100);
  });

  it("reads a range given the wrong way round the right way round", () => {
    const { filters } = parseOrderListParams({ from: "2024-05-01", to: "2024-04-01" });
    expect([filters.from, filters.to]).toEqual(["2024-04-01", "2024-05-01"]);
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    expect(orderListQuery(parseOrderListParams({}))).toBe("");
    const params = parseOrderListParams({
      status: ["complete", "shipped"],
      q: "kookplaat & co",
      page: "3",
      sort: "date-asc",
    });
    const query = orderListQuery(params);
    expect(query).toBe("?status=shipped&status=complete&q=kookplaat+%26+co&sort=date-asc&page=3");
    expect(parseOrderListParams(new URLSearchParams(query.slice(1)))).toEqual(params);
    expect(orderListQuery(params, { page: false })).not.toContain("page=");
  });

  it("knows real calendar days", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    expect(isCalendarDay("2023-02-29")).toBe(false);
    expect(isCalendarDay("2024-13-01")).toBe(false);
    expect(isCalendarDay("2024-1-01")).toBe(false);
  });

  it("says whether any filter is on", () => {
    expect(hasActiveFilters(parseOrderListParams({ sort: "total-asc" }).filters)).toBe(false);
    expect(hasActiveFilters(parseOrderListParams({ q: "x" }).filters)).toBe(true);
  });
});
