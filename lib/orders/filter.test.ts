import { describe, expect, it } from "vitest";

import { dayRange, filterOrders, pageOf, selectOrders, sortOrders, upstreamStatuses } from "./filter";
import { parseOrderListParams, type OrderFilters } from "./list-params";
import { line, order } from "@/tests/fixtures/orders";

const AMS = "Europe/Amsterdam";
const none: OrderFilters = { statuses: [], from: null, to: null, text: "" };

describe("statuses for the upstream", () => {
  it("sends the selection when the upstream's enum has every one", () => {
    expect(upstreamStatuses(["shipped", "complete"])).toEqual(["shipped", "complete"]);
  });

  it("asks for everything when nothing is selected or pending is (not in the upstream's enum)", () => {
    expect(upstreamStatuses([])).toBeUndefined();
    expect(upstreamStatuses(["pending", "shipped"])).toBeUndefined();
  });
});

describe("day range in the dealer's time zone", () => {
  it("runs from midnight to the next midnight, summer and winter time", () => {
    const summer = dayRange("2024-07-01", "2024-07-01", AMS);
    expect(summer.start?.toISOString()).toBe("2024-06-30T22:00:00.000Z");
    expect(summer.end?.toISOString()).toBe("2024-07-01T22:00:00.000Z");
    const winter = dayRange("2024-01-01", "2024-12-31", AMS);
    expect(winter.start?.toISOString()).toBe("2023-12-31T23:00:00.000Z");
    expect(winter.end?.toISOString()).toBe("2024-12-31T23:00:00.000Z");
  });

  it("is open on a side without a day", () => {
    expect(dayRange(null, null, AMS)).toEqual({ start: null, end: null });
  });
});

describe("filtering", () => {
  const orders = [
    order({ id: "1", status: "shipped", updatedAt: new Date("2024-03-31T21:59:00Z"), reference: "PO1111" }),
    order({ id: "2", status: "complete", updatedAt: new Date("2024-03-31T22:00:00Z"), reference: "INK-2222" }),
    order({
      id: "3",
      status: "pending",
      updatedAt: null,
      reference: null,
      creatorName: "Bram Bakker",
      lines: [line({ sku: "B0012345", title: "Thetford Crème Toiletvloeistof" })],
    }),
  ];

  it("keeps several statuses at once", () => {
    expect(filterOrders(orders, { ...none, statuses: ["shipped", "pending"] }, AMS).map((o) => o.id)).toEqual([
      "1",
      "3",
    ]);
  });

  it("cuts days at the dealer's midnight, not UTC's (31 March 23:59 and 1 April 00:00 in Amsterdam)", () => {
    expect(filterOrders(orders, { ...none, to: "2024-03-31" }, AMS).map((o) => o.id)).toEqual(["1"]);
    expect(filterOrders(orders, { ...none, from: "2024-04-01" }, AMS).map((o) => o.id)).toEqual(["2"]);
  });

  it("leaves undated orders out of a date range", () => {
    expect(filterOrders(orders, { ...none, from: "2000-01-01" }, AMS).map((o) => o.id)).toEqual(["1", "2"]);
  });

  it("finds text in reference, creator, SKU and title, any case and accent, every word", () => {
    const ids = (text: string) => filterOrders(orders, { ...none, text }, AMS).map((o) => o.id);
    expect(ids("ink-2222")).toEqual(["2"]);
    expect(ids("bram")).toEqual(["3"]);
    expect(ids("b0012345")).toEqual(["3"]);
    expect(ids("creme toilet")).toEqual(["3"]);
    expect(ids("creme daan")).toEqual([]);
    expect(ids("PO1111")).toEqual(["1"]);
  });

  it("finds an order by its full number, not by a piece of it", () => {
    const numbered = [order({ id: "100123", reference: null }), order({ id: "100124", reference: null })];
    expect(filterOrders(numbered, { ...none, text: "100123" }, AMS).map((o) => o.id)).toEqual(["100123"]);
    expect(filterOrders(numbered, { ...none, text: "1001" }, AMS)).toEqual([]);
  });
});

describe("sorting", () => {
  const orders = [
    order({
      id: "1",
      status: "complete",
      updatedAt: new Date("2024-01-01T00:00:00Z"),
      lines: [line({ soldPrice: 5, quantity: 1 })],
    }),
    order({
      id: "2",
      status: "pending",
      updatedAt: new Date("2024-03-01T00:00:00Z"),
      lines: [line({ soldPrice: 50, quantity: 1 })],
    }),
    order({ id: "3", status: "shipped", updatedAt: null, lines: [line({ soldPrice: 20, quantity: 1 })] }),
    order({ id: "4", status: "pending", updatedAt: new Date("2024-02-01T00:00:00Z"), lines: [] }),
  ];
  const ids = (sort: Parameters<typeof sortOrders>[1]) => sortOrders(orders, sort).map((o) => o.id);

  it("by date, undated last either way", () => {
    expect(ids("date-desc")).toEqual(["2", "4", "1", "3"]);
    expect(ids("date-asc")).toEqual(["1", "4", "2", "3"]);
  });

  it("by status along the lifecycle, newest first within a status", () => {
    expect(ids("status-asc")).toEqual(["2", "4", "3", "1"]);
    expect(ids("status-desc")).toEqual(["1", "3", "2", "4"]);
  });

  it("by total excl. VAT", () => {
    expect(ids("total-asc")).toEqual(["4", "1", "3", "2"]);
    expect(ids("total-desc")).toEqual(["2", "3", "1", "4"]);
  });

  it("does not change the list it was given", () => {
    sortOrders(orders, "total-asc");
    expect(orders.map((o) => o.id)).toEqual(["1", "2", "3", "4"]);
  });
});

describe("string order ids (an upstream answering ORD123456)", () => {
  const at = new Date("2024-05-01T10:00:00Z");
  const orders = [
    order({ id: "ORD000099", updatedAt: at, reference: null }),
    order({ id: "ORD000100", updatedAt: at, reference: null }),
    order({ id: "ORD-A.1_b", updatedAt: new Date("2024-06-01T10:00:00Z"), reference: null }),
    order({ id: "99", updatedAt: at, reference: null }),
    order({ id: "100", updatedAt: at, reference: null }),
  ];

  it("sorts by date, then by the id as text (a shorter id is lower, so 99 comes before 100)", () => {
    expect(sortOrders(orders, "date-desc").map((o) => o.id)).toEqual([
      "ORD-A.1_b",
      "ORD000100",
      "ORD000099",
      "100",
      "99",
    ]);
    expect(sortOrders(orders, "date-asc").map((o) => o.id)).toEqual([
      "99",
      "100",
      "ORD000099",
      "ORD000100",
      "ORD-A.1_b",
    ]);
  });

  it("totals a string id's lines under its own id", () => {
    const priced = [
      order({ id: "ORD1", lines: [line({ soldPrice: 10, quantity: 1 })] }),
      order({ id: "ORD2", lines: [line({ soldPrice: 5, quantity: 1 })] }),
    ];
    expect(sortOrders(priced, "total-asc").map((o) => o.id)).toEqual(["ORD2", "ORD1"]);
  });

  it("finds an order by its full id in any case, not by a piece of it", () => {
    const ids = (text: string) => filterOrders(orders, { ...none, text }, AMS).map((o) => o.id);
    expect(ids("ORD000099")).toEqual(["ORD000099"]);
    expect(ids("ord000100")).toEqual(["ORD000100"]);
    expect(ids("ORD-A.1_b")).toEqual(["ORD-A.1_b"]);
    expect(ids("ORD0000")).toEqual([]);
    expect(ids("100")).toEqual(["100"]);
  });
});

describe("paging", () => {
  const items = Array.from({ length: 60 }, (_, index) => index + 1);

  it("gives 25 a page", () => {
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pageCount: 3, total: 60, first: 1, last: 25 });
    expect(pageOf(items, 3)).toMatchObject({ items: items.slice(50), first: 51, last: 60 });
  });

  it("keeps a page beyond the end within the list, and an empty list on page 1", () => {
    expect(pageOf(items, 99).page).toBe(3);
    expect(pageOf([], 4)).toEqual({ items: [], page: 1, pageCount: 1, total: 0, first: 0, last: 0 });
  });

  it("handles hundreds of orders in one go", () => {
    const many = Array.from({ length: 800 }, (_, index) =>
      order({ id: String(index + 1), updatedAt: new Date(Date.UTC(2024, 0, 1) + index * 3_600_000) }),
    );
    const { sorted, page } = selectOrders(many, parseOrderListParams({ page: "2" }), AMS);
    expect(sorted).toHaveLength(800);
    expect(page.items.map((o) => o.id).slice(0, 2)).toEqual(["775", "774"]);
  });
});

describe("the placed date, where the portal knows it", () => {
  const placedEarly = order({
    id: "10",
    placedAt: new Date("2024-03-01T09:00:00Z"),
    updatedAt: new Date("2024-05-01T09:00:00Z"),
  });
  const other = order({ id: "11", updatedAt: new Date("2024-04-01T09:00:00Z") });

  it("sorts an order by when it was placed, not by its last change", () => {
    expect(sortOrders([placedEarly, other], "date-desc").map((o) => o.id)).toEqual(["11", "10"]);
  });

  it("filters an order by when it was placed", () => {
    const march = { ...none, from: "2024-03-01", to: "2024-03-31" };
    expect(filterOrders([placedEarly, other], march, AMS).map((o) => o.id)).toEqual(["10"]);
  });
});
