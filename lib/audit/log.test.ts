import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

import { parseAuditFilters } from "./filters";
import {
  auditPage,
  FOLD_WINDOW_MS,
  MANY_CUSTOMERS,
  recordAudit,
  recordRefusal,
  REFUSED_ATTEMPTS_PER_PERSON,
  REFUSED_ROWS_PER_PERSON,
} from "./log";

/** The audit log on a real PGlite: repeats fold into one row, refused floods stay small, filters and pages. */

let handle: DatabaseHandle;
const dealer = { actorEmail: "dealer@acme.example", actorName: "Daan de Vries" };
const staff = { actorEmail: "admin@wholesaler.example", actorName: "Wendy Groothandel" };
const T0 = new Date("2026-11-30T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const everything = parseAuditFilters({});

beforeAll(async () => {
  handle = await openMemoryDatabase();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await handle.db.delete(auditLog);
});

describe("recordAudit", () => {
  it("folds the same person, action and customer within an hour into one row with a count", async () => {
    const entry = { ...staff, action: "switch-customer" as const, customerCode: "EA00002" };
    await recordAudit(handle.db, entry, at(0));
    await recordAudit(handle.db, entry, at(10));
    await recordAudit(handle.db, entry, at(50));
    await recordAudit(handle.db, { ...entry, customerCode: "EA00003" }, at(51));
    const rows = await handle.db.select().from(auditLog);
    expect(rows).toHaveLength(2);
    const folded = rows.find((row) => row.customerCode === "EA00002")!;
    expect(folded.count).toBe(3);
    expect(folded.at).toEqual(at(0));
    expect(folded.lastAt).toEqual(at(50));
  });

  it("starts a new row once the last repeat is more than an hour old", async () => {
    const entry = { ...staff, action: "switch-customer" as const, customerCode: "EA00002" };
    await recordAudit(handle.db, entry, at(0));
    await recordAudit(handle.db, entry, new Date(at(0).getTime() + FOLD_WINDOW_MS + 1));
    expect(await handle.db.select().from(auditLog)).toHaveLength(2);
  });

  it("never folds orders: each placed order keeps its own row", async () => {
    const entry = { ...staff, action: "order-for-customer" as const, customerCode: "EA00002" };
    await recordAudit(handle.db, { ...entry, orderId: "1001" }, at(0));
    await recordAudit(handle.db, { ...entry, orderId: "1002" }, at(1));
    const rows = await handle.db.select().from(auditLog);
    expect(rows.map((row) => row.orderId).sort()).toEqual(["1001", "1002"]);
  });
});

describe("recordRefusal", () => {
  const refused = (customerCode: string) => ({ ...dealer, action: "forbidden-customer" as const, customerCode });

  it("150 refusals for one code are one row counting 150; answered 'too many' after the limit", async () => {
    const limited: boolean[] = [];
    for (let i = 0; i < 150; i++)
      limited.push((await recordRefusal(handle.db, refused("EA00002"), at(i / 10))).limited);
    const rows = await handle.db.select().from(auditLog);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ customerCode: "EA00002", count: 150, action: "forbidden-customer" });
    expect(limited.indexOf(true)).toBe(REFUSED_ATTEMPTS_PER_PERSON);
    expect(limited.slice(REFUSED_ATTEMPTS_PER_PERSON).every(Boolean)).toBe(true);
  });

  it("trying many codes leaves at most the row limit, the rest folded under 'several customers'", async () => {
    for (let i = 0; i < 200; i++)
      await recordRefusal(handle.db, refused(`EB${String(i).padStart(5, "0")}`), at(i / 10));
    const rows = await handle.db.select().from(auditLog);
    expect(rows).toHaveLength(REFUSED_ROWS_PER_PERSON);
    const many = rows.find((row) => row.customerCode === MANY_CUSTOMERS)!;
    expect(many.count).toBe(200 - (REFUSED_ROWS_PER_PERSON - 1));
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(200);
  });

  it("one person's refusals neither limit nor fold another person's", async () => {
    for (let i = 0; i < 30; i++) await recordRefusal(handle.db, refused("EA00002"), at(0));
    const other = await recordRefusal(
      handle.db,
      {
        actorEmail: "limited@bakker.example",
        actorName: "Bram Bakker",
        action: "forbidden-customer",
        customerCode: "EA00001",
      },
      at(1),
    );
    expect(other).toMatchObject({ attempts: 1, limited: false });
    expect(await handle.db.select().from(auditLog)).toHaveLength(2);
  });
});

describe("auditPage", () => {
  beforeEach(async () => {
    for (let i = 0; i < 120; i++)
      await recordRefusal(handle.db, { ...dealer, action: "forbidden-customer", customerCode: "EA00002" }, at(i));
    await recordAudit(handle.db, { ...staff, action: "switch-customer", customerCode: "EA00002" }, at(5));
    await recordAudit(
      handle.db,
      { ...staff, action: "order-for-customer", customerCode: "EA00002", orderId: "77" },
      at(6),
    );
    for (let i = 0; i < 60; i++) {
      await recordAudit(
        handle.db,
        { ...staff, action: "switch-customer", customerCode: `EC${String(i).padStart(5, "0")}` },
        at(24 * 60 + i),
      );
    }
  });

  it("a dealer's flood is one row: the staff's real entries stay on the first page", async () => {
    const page = await auditPage(handle.db, parseAuditFilters({ who: "wendy" }), "Europe/Amsterdam", 100);
    expect(page.total).toBe(62);
    const first = await auditPage(handle.db, everything, "Europe/Amsterdam", 100);
    expect(first.total).toBe(63);
    expect(first.rows.filter((row) => row.action === "forbidden-customer")).toHaveLength(1);
    expect(first.rows.some((row) => row.orderId === "77")).toBe(true);
  });

  it("filters by what, customer and day, and pages", async () => {
    const orders = await auditPage(handle.db, parseAuditFilters({ what: "order-for-customer" }), "Europe/Amsterdam");
    expect(orders.rows.map((row) => row.orderId)).toEqual(["77"]);
    const customer = await auditPage(handle.db, parseAuditFilters({ customer: "ea00002" }), "Europe/Amsterdam");
    expect(customer.total).toBe(3);
    const firstDay = await auditPage(
      handle.db,
      parseAuditFilters({ from: "2026-11-30", to: "2026-11-30" }),
      "Europe/Amsterdam",
    );
    expect(firstDay.total).toBe(3);
    const nextDay = await auditPage(handle.db, parseAuditFilters({ from: "2026-12-01" }), "Europe/Amsterdam");
    expect(nextDay.total).toBe(60);
    const second = await auditPage(handle.db, parseAuditFilters({ page: "2" }), "Europe/Amsterdam", 50);
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 63 });
    expect(second.rows).toHaveLength(13);
    const beyond = await auditPage(handle.db, parseAuditFilters({ page: "99" }), "Europe/Amsterdam", 50);
    expect(beyond.page).toBe(2);
  });

  it("a name with LIKE's wildcards matches them literally", async () => {
    expect((await auditPage(handle.db, parseAuditFilters({ who: "%" }), "Europe/Amsterdam")).total).toBe(0);
    expect((await auditPage(handle.db, parseAuditFilters({ who: "_" }), "Europe/Amsterdam")).total).toBe(0);
  });
});
