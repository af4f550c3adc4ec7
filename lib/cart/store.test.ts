import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";

import { addableLines, type LineReport } from "./lines";
import { lineMaximum, MAX_LINE_QUANTITY } from "./quantity";
import { addToStoredCart, cartLineCount, readCart, setStoredQuantity, type CartOwner } from "./store";

/** The cart's store on a real PGlite: adds sum per line and stop at the most a line holds, in whole sales units. */

let handle: DatabaseHandle;
const owner: CartOwner = { userKey: "dealer@acme.example", customerCode: "EA00001" };

beforeAll(async () => {
  handle = await openMemoryDatabase();
});
afterAll(async () => {
  await handle.close();
});
beforeEach(async () => {
  await handle.db.execute("delete from cart_lines" as never);
});

const quantities = async () => new Map((await readCart(handle.db, owner)).map((line) => [line.sku, line.quantity]));

describe("addToStoredCart", () => {
  it("sums an add with what the line holds and says what each line holds afterwards", async () => {
    await addToStoredCart(handle.db, owner, [{ sku: "A", quantity: 10, maximum: lineMaximum(10) }]);
    const after = await addToStoredCart(handle.db, owner, [{ sku: "A", quantity: 20, maximum: lineMaximum(10) }]);
    expect(after.lines.get("A")).toEqual({ before: 10, after: 30 });
    expect(after.count).toBe(1);
    expect((await quantities()).get("A")).toBe(30);
  });

  it("caps a line at the largest whole number of its sales units, not at a bare 100,000", async () => {
    const maximum = lineMaximum(7);
    expect(maximum).toBe(99_995);
    await addToStoredCart(handle.db, owner, [{ sku: "BOX7", quantity: 59_997, maximum }]);
    const after = await addToStoredCart(handle.db, owner, [{ sku: "BOX7", quantity: 59_997, maximum }]);
    expect(after.lines.get("BOX7")).toEqual({ before: 59_997, after: 99_995 });
    expect((await quantities()).get("BOX7")! % 7).toBe(0);
  });

  it("caps each line of one add at its own maximum; a line without one at MAX_LINE_QUANTITY", async () => {
    await addToStoredCart(handle.db, owner, [
      { sku: "P1", quantity: 60_000 },
      { sku: "P6", quantity: 60_000, maximum: lineMaximum(6) },
    ]);
    const after = await addToStoredCart(handle.db, owner, [
      { sku: "P1", quantity: 60_000 },
      { sku: "P6", quantity: 60_000, maximum: lineMaximum(6) },
    ]);
    expect(after.lines.get("P1")?.after).toBe(MAX_LINE_QUANTITY);
    expect(after.lines.get("P6")?.after).toBe(99_996);
  });

  it("keeps both of two adds made at once", async () => {
    await Promise.all([
      addToStoredCart(handle.db, owner, [{ sku: "C", quantity: 5 }]),
      addToStoredCart(handle.db, owner, [{ sku: "C", quantity: 5 }]),
    ]);
    expect((await quantities()).get("C")).toBe(10);
  });

  it("makes the cart on the first add and counts its lines: new ones, not those added to again", async () => {
    const newcomer: CartOwner = { userKey: "new@acme.example", customerCode: "EA00001" };
    expect(await cartLineCount(handle.db, newcomer)).toBe(0);
    const first = await addToStoredCart(handle.db, newcomer, [{ sku: "N1", quantity: 2 }]);
    expect(first).toEqual({ lines: new Map([["N1", { before: 0, after: 2 }]]), count: 1 });
    const second = await addToStoredCart(handle.db, newcomer, [
      { sku: "N1", quantity: 3 },
      { sku: "N2", quantity: 4 },
    ]);
    expect(second.lines).toEqual(
      new Map([
        ["N1", { before: 2, after: 5 }],
        ["N2", { before: 0, after: 4 }],
      ]),
    );
    expect(second.count).toBe(2);
    expect(await cartLineCount(handle.db, newcomer)).toBe(2);
    // Another person's cart, and the same person's cart for another customer, are not this one.
    expect(await cartLineCount(handle.db, owner)).toBe(0);
    expect(await cartLineCount(handle.db, { ...newcomer, customerCode: "EA00002" })).toBe(0);
  });

  it("makes one cart when the first two adds come at once", async () => {
    const newcomer: CartOwner = { userKey: "twice@acme.example", customerCode: "EA00001" };
    await Promise.all([
      addToStoredCart(handle.db, newcomer, [{ sku: "T1", quantity: 1 }]),
      addToStoredCart(handle.db, newcomer, [{ sku: "T2", quantity: 1 }]),
    ]);
    expect((await readCart(handle.db, newcomer)).map((line) => line.sku).sort()).toEqual(["T1", "T2"]);
    expect(await cartLineCount(handle.db, newcomer)).toBe(2);
  });
});

describe("setStoredQuantity", () => {
  it("sets a line the cart holds, and never puts a product into the cart", async () => {
    await addToStoredCart(handle.db, owner, [{ sku: "A", quantity: 2 }]);
    expect(await setStoredQuantity(handle.db, owner, "A", 6)).toBe(true);
    // A line removed meanwhile (another tab), or never added (a tampered post), is not added by a quantity.
    expect(await setStoredQuantity(handle.db, owner, "BLOCKED", 4)).toBe(false);
    expect(await quantities()).toEqual(new Map([["A", 6]]));
    // Another person's cart, or this person's for another customer, is not touched.
    const colleague: CartOwner = { userKey: "colleague@acme.example", customerCode: "EA00001" };
    expect(await setStoredQuantity(handle.db, colleague, "A", 9)).toBe(false);
    expect(await setStoredQuantity(handle.db, { ...owner, customerCode: "EA00002" }, "A", 9)).toBe(false);
    expect(await quantities()).toEqual(new Map([["A", 6]]));
  });
});

describe("addableLines", () => {
  const report = (sku: string, quantity: number, salesUnitAmount: number): LineReport => ({
    line: 1,
    identifier: sku,
    outcome: "added",
    sku,
    title: sku,
    requested: quantity,
    quantity,
    salesUnit: "box",
    salesUnitAmount,
  });

  it("sums the lines of one SKU and gives each the most its line holds", () => {
    expect(addableLines([report("A", 14, 7), report("A", 7, 7), report("B", 3, 1)])).toEqual([
      { sku: "A", quantity: 21, maximum: 99_995 },
      { sku: "B", quantity: 3, maximum: 100_000 },
    ]);
  });
});
