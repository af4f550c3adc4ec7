import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import type { SessionToken } from "@/lib/auth/session-types";
import { addToStoredCart, readCart } from "@/lib/cart/store";
import { upsertProducts } from "@/lib/catalogue/store/products";
import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import { UpstreamClient } from "@/lib/upstream/client";
import { startSimulator, type RunningSimulator } from "@/tests/fixtures/simulator";

import { importList } from "./import";
import { MAX_LINES_PER_LIST, MAX_LISTS_PER_CUSTOMER } from "./limits";
import { addToList, moveListLine, removeListLine, setListLineQuantity } from "./lines";
import { createList, deleteList, renameList } from "./manage";
import { exportList, listLists, showList } from "./read";
import { saveCartAsList } from "./save-as";
import { listNameSchema } from "./schemas";
import { addListToCart } from "./to-cart";

/**
 * The customer's named lists against a real PGlite database holding a mirror filled from the real
 * simulator: who sees which list, the limits, two tabs at once, a 10,000-line import, the export,
 * and a list into the cart with the cart's own report.
 */

let simulator: RunningSimulator;
let handle: DatabaseHandle;
let orderable: { sku: string; salesUnitAmount: number }[] = [];
let blockedSku: string;

function session(overrides: Partial<SessionToken>): SessionToken {
  return {
    sessionId: "s",
    upstreamToken: "t",
    upstreamExpiresAt: null,
    name: "Daan de Vries",
    email: "dealer@acme.example",
    customerCode: "EA00001",
    companyName: "Acme",
    permissions: [],
    features: ["PRODUCT_LIST"],
    activeCustomerCode: "EA00001",
    activeCompanyName: "Acme",
    ...overrides,
  };
}

const dealer = session({});
const colleague = session({ email: "inkoop@acme.example", name: "Ineke" });
const otherDealer = session({
  email: "limited@bakker.example",
  customerCode: "EA00002",
  activeCustomerCode: "EA00002",
  features: [],
});
const staffActing = session({
  email: "admin@wholesaler.example",
  customerCode: "WH00001",
  permissions: ["companies"],
  activeCustomerCode: "EA00001",
});
const staffOwn = session({
  email: "admin@wholesaler.example",
  customerCode: "WH00001",
  permissions: ["companies"],
  activeCustomerCode: "WH00001",
});
/** A session naming another customer without the staff permission still acts for its own. */
const forgedDealer = session({
  email: "limited@bakker.example",
  customerCode: "EA00002",
  activeCustomerCode: "EA00001",
});

async function newList(who: SessionToken = dealer, name = "Monthly restock"): Promise<string> {
  const created = await createList(who, { name });
  if (!created.ok) throw new Error(created.error);
  return created.id;
}

beforeAll(async () => {
  simulator = await startSimulator({ products: 200, controlKey: "lists-key", seed: "lists-tests" });
  handle = await openMemoryDatabase();
  // The use cases read the process's database (lib/db): here the in-memory one.
  (globalThis as Record<symbol, unknown>)[Symbol.for("dealer-portal.database")] = Promise.resolve(handle);
  const service = new UpstreamClient(
    { baseUrl: simulator.url, token: "sim-service-token", timeoutMs: 5_000, readAttempts: 2 },
    "/media",
  );
  const listed = await service.productSkus();
  const details = await Promise.all(listed.slice(0, 60).map((entry) => service.product(entry.sku)));
  await upsertProducts(handle.db, details, new Map(), new Date());
  const open = details.filter((product) => !product.blocked);
  blockedSku = open.at(-1)!.sku;
  await handle.db.update(products).set({ blocked: true }).where(eq(products.sku, blockedSku));
  orderable = open.slice(0, -1).map((product) => ({ sku: product.sku, salesUnitAmount: product.salesUnitAmount }));
}, 90_000);

afterAll(async () => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("dealer-portal.database")];
  await handle?.close();
  await simulator?.close();
});

beforeEach(async () => {
  await handle.db.execute(sql`delete from order_lists`);
  await handle.db.execute(sql`delete from cart_lines`);
});

describe("whose lists", () => {
  it("every user of the customer and staff acting for it see and edit the same list", async () => {
    const id = await newList(dealer);
    const [first, second] = orderable;
    expect(await addToList(colleague, { id, sku: first!.sku, quantity: 2 })).toMatchObject({ ok: true });
    expect(await addToList(staffActing, { id, sku: second!.sku, quantity: 3 })).toMatchObject({ ok: true });
    for (const who of [dealer, colleague, staffActing]) {
      const shown = await showList(who, { id });
      expect(shown?.lines.map((line) => [line.sku, line.quantity])).toEqual([
        [first!.sku, 2],
        [second!.sku, 3],
      ]);
      expect((await listLists(who)).map((list) => list.id)).toEqual([id]);
    }
  });

  it("another customer's list id is not found by any use case, and the list is left as it was", async () => {
    const id = await newList(dealer);
    const sku = orderable[0]!.sku;
    await addToList(dealer, { id, sku, quantity: 1 });
    for (const who of [otherDealer, staffOwn, forgedDealer]) {
      expect(await listLists(who)).toEqual([]);
      expect(await showList(who, { id })).toBeNull();
      expect(await exportList(who, { id }, { sku: "sku", quantity: "quantity", title: "title" })).toBeNull();
      expect(await renameList(who, { id, name: "Mine now" })).toEqual({ ok: false, error: "not-found" });
      expect(await addToList(who, { id, sku, quantity: 5 })).toEqual({ ok: false, error: "not-found" });
      expect(await setListLineQuantity(who, { id, sku, quantity: 9 })).toEqual({ ok: false, error: "not-found" });
      expect(await moveListLine(who, { id, sku, direction: "down" })).toEqual({ ok: false, error: "not-found" });
      expect(await removeListLine(who, { id, sku })).toEqual({ ok: false, error: "not-found" });
      expect(await importList(who, { id, text: `${sku};4` })).toEqual({ ok: false, error: "not-found" });
      expect(await addListToCart(who, { id })).toEqual({ ok: false, error: "not-found" });
      expect(await deleteList(who, { id })).toEqual({ ok: false, error: "not-found" });
    }
    const shown = await showList(dealer, { id });
    expect(shown?.name).toBe("Monthly restock");
    expect(shown?.lines.map((line) => [line.sku, line.quantity])).toEqual([[sku, 1]]);
    expect(await readCart(handle.db, { userKey: "limited@bakker.example", customerCode: "EA00002" })).toEqual([]);
  });

  it("a list made by staff acting for a customer is that customer's, not the staff member's", async () => {
    const id = await newList(staffActing, "Boat show");
    expect((await listLists(dealer)).map((list) => list.name)).toEqual(["Boat show"]);
    expect(await listLists(staffOwn)).toEqual([]);
    expect(await deleteList(dealer, { id })).toEqual({ ok: true });
    expect(await showList(staffActing, { id })).toBeNull();
  });
});

describe("limits", () => {
  it("names are 1 to 100 characters of clean text", () => {
    expect(listNameSchema.safeParse("  Boat show  ").data).toBe("Boat show");
    expect(listNameSchema.safeParse("x".repeat(100)).success).toBe(true);
    expect(listNameSchema.safeParse("x".repeat(101)).error?.issues[0]?.message).toBe("long");
    expect(listNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("empty");
    expect(listNameSchema.safeParse("Boat\u0000show").error?.issues[0]?.message).toBe("characters");
    expect(listNameSchema.safeParse("Boat\nshow").success).toBe(false);
    expect(listNameSchema.safeParse("Boot \uD800show").success).toBe(false);
  });

  it(`at most ${MAX_LISTS_PER_CUSTOMER} lists per customer, also when created at once`, async () => {
    for (let index = 0; index < MAX_LISTS_PER_CUSTOMER - 5; index++) await newList(dealer, `List ${index}`);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, index) => createList(index % 2 ? colleague : dealer, { name: `Late ${index}` })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results.filter((result) => !result.ok)).toEqual(Array(5).fill({ ok: false, error: "too-many-lists" }));
    expect(await listLists(dealer)).toHaveLength(MAX_LISTS_PER_CUSTOMER);
    // Another customer has its own 200.
    expect(await createList(otherDealer, { name: "Bakker" })).toMatchObject({ ok: true });
  });

  it(`at most ${MAX_LINES_PER_LIST} lines per list; a line already there still changes`, async () => {
    const id = await newList();
    const text = Array.from({ length: MAX_LINES_PER_LIST - 1 }, (_, index) => `FILL-${index};1`).join("\n");
    expect(await importList(dealer, { id, text })).toMatchObject({ ok: true, added: MAX_LINES_PER_LIST - 1 });
    const [first, second] = orderable;
    expect(await addToList(dealer, { id, sku: first!.sku, quantity: 1 })).toMatchObject({ ok: true });
    expect(await addToList(dealer, { id, sku: second!.sku, quantity: 1 })).toEqual({
      ok: false,
      error: "too-many-lines",
    });
    expect(await addToList(dealer, { id, sku: first!.sku, quantity: 4 })).toMatchObject({ ok: true });
    const shown = await showList(dealer, { id });
    expect(shown?.lines).toHaveLength(MAX_LINES_PER_LIST);
    expect(shown?.lines.at(-1)).toMatchObject({ sku: first!.sku, quantity: 5 });
  });
});

describe("two tabs at once", () => {
  it("concurrent adds to one list keep every line, and a line added in both tabs sums", async () => {
    const id = await newList();
    const skus = orderable.slice(0, 20).map((product) => product.sku);
    const tabA = skus.slice(0, 10).map((sku) => addToList(dealer, { id, sku, quantity: 1 }));
    const tabB = skus.slice(10).map((sku) => addToList(colleague, { id, sku, quantity: 1 }));
    const both = [addToList(dealer, { id, sku: skus[0]!, quantity: 2 })];
    const results = await Promise.all([...tabA, ...tabB, ...both]);
    expect(results.every((result) => result.ok)).toBe(true);
    const shown = await showList(dealer, { id });
    expect(new Set(shown?.lines.map((line) => line.sku))).toEqual(new Set(skus));
    expect(shown?.lines.find((line) => line.sku === skus[0])?.quantity).toBe(3);
  });

  it("a quantity set in one tab and a line added in the other both stay; the last write of one line wins", async () => {
    const id = await newList();
    const [a, b, c] = orderable;
    await addToList(dealer, { id, sku: a!.sku, quantity: 1 });
    await Promise.all([
      setListLineQuantity(dealer, { id, sku: a!.sku, quantity: 7 }),
      addToList(colleague, { id, sku: b!.sku, quantity: 2 }),
      importList(colleague, { id, text: `${c!.sku};3` }),
      moveListLine(dealer, { id, sku: a!.sku, direction: "down" }),
    ]);
    await setListLineQuantity(colleague, { id, sku: a!.sku, quantity: 8 });
    const shown = await showList(dealer, { id });
    expect(Object.fromEntries(shown!.lines.map((line) => [line.sku, line.quantity]))).toEqual({
      [a!.sku]: 8,
      [b!.sku]: 2,
      [c!.sku]: 3,
    });
  });
});

describe("editing lines", () => {
  it("moves a line up and down, removes it, and renames the list", async () => {
    const id = await newList();
    const skus = orderable.slice(0, 3).map((product) => product.sku);
    for (const sku of skus) await addToList(dealer, { id, sku, quantity: 1 });
    const order = async () => (await showList(dealer, { id }))!.lines.map((line) => line.sku);
    expect(await moveListLine(dealer, { id, sku: skus[2]!, direction: "up" })).toEqual({ ok: true });
    expect(await order()).toEqual([skus[0], skus[2], skus[1]]);
    expect(await moveListLine(dealer, { id, sku: skus[0]!, direction: "up" })).toEqual({ ok: true });
    expect(await moveListLine(dealer, { id, sku: skus[0]!, direction: "down" })).toEqual({ ok: true });
    expect(await order()).toEqual([skus[2], skus[0], skus[1]]);
    expect(await removeListLine(dealer, { id, sku: skus[0]! })).toEqual({ ok: true });
    expect(await order()).toEqual([skus[2], skus[1]]);
    expect(await setListLineQuantity(dealer, { id, sku: skus[0]!, quantity: 2 })).toEqual({
      ok: false,
      error: "no-line",
    });
    expect(await renameList(colleague, { id, name: "Boat show" })).toEqual({ ok: true });
    expect((await showList(dealer, { id }))?.name).toBe("Boat show");
  });

  it("adds only products the catalogue knows from a product's form, into a new list by name", async () => {
    const added = await addToList(dealer, { name: "From the product page", sku: orderable[0]!.sku, quantity: 2 });
    expect(added).toMatchObject({ ok: true, name: "From the product page" });
    expect(await addToList(dealer, { name: "Ghost", sku: "NO-SUCH-SKU", quantity: 1 })).toEqual({
      ok: false,
      error: "unknown-product",
    });
    expect((await listLists(dealer)).map((list) => [list.name, list.lineCount])).toEqual([
      ["From the product page", 1],
    ]);
  });
});

describe("import and export", () => {
  it("imports 10,000 CSV lines in one go and answers with the report within seconds", async () => {
    const id = await newList();
    const known = orderable.slice(0, 10);
    const rows = ["sku;quantity"];
    for (let index = 0; index < 10_000; index++) {
      rows.push(index < known.length ? `${known[index]!.sku};${index + 1}` : `UNKNOWN-${index};2`);
    }
    rows.splice(3, 0, `${blockedSku};1`, "\u0000bad;1", `${orderable[11]!.sku};two`);
    const started = performance.now();
    const result = await importList(dealer, { id, text: rows.join("\r\n") });
    const ms = performance.now() - started;
    console.info(`import of ${rows.length - 1} lines: ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
    if (!result.ok) throw new Error(result.error);
    // The parser reads at most 5,000 lines at once; the list keeps at most 1,000.
    expect(result.truncated).toBe(true);
    expect(result.read).toBe(5_000);
    expect(result.added).toBe(MAX_LINES_PER_LIST);
    const byProblem = (problem: string) => result.problems.filter((line) => line.problem === problem);
    expect(byProblem("blocked").map((line) => line.identifier)).toEqual([blockedSku]);
    expect(byProblem("unreadable")).toHaveLength(1);
    expect(byProblem("quantity")).toHaveLength(1);
    expect(result.problemCount).toBeGreaterThan(4_000);
    // Each line read is said once at most: a line past the limit as not imported, not also as kept.
    expect(result.problemCount).toBeLessThanOrEqual(result.read);
    const shown = await showList(dealer, { id });
    expect(shown?.lines).toHaveLength(MAX_LINES_PER_LIST);
    expect(shown?.lines[0]).toMatchObject({ sku: known[0]!.sku, quantity: 1 });
    expect(shown?.lines.find((line) => line.sku === blockedSku)?.orderability).toBe("blocked");
  });

  it("exports the list as CSV that imports back to the same lines", async () => {
    const id = await newList();
    const [a, b] = orderable;
    await addToList(dealer, { id, sku: a!.sku, quantity: 3 });
    await addToList(dealer, { id, sku: b!.sku, quantity: 1 });
    await importList(dealer, { id, text: "=cmd|calc;2" });
    const exported = await exportList(dealer, { id }, { sku: "SKU", quantity: "Quantity", title: "Title" });
    const rows = exported!.csv
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(rows[0]).toBe("SKU;Quantity;Title");
    expect(rows[1]).toMatch(new RegExp(`^${a!.sku};3;`));
    expect(rows[2]).toMatch(new RegExp(`^${b!.sku};1;`));
    expect(rows).toHaveLength(3);

    const copy = await newList(dealer, "Copy");
    expect(await importList(colleague, { id: copy, text: exported!.csv })).toMatchObject({ ok: true, added: 2 });
    expect((await showList(dealer, { id: copy }))?.lines.map((line) => [line.sku, line.quantity])).toEqual([
      [a!.sku, 3],
      [b!.sku, 1],
    ]);
  });
});

describe("into the cart and back", () => {
  it("adds the whole list with the cart's report: unknown and blocked left out, quantities rounded", async () => {
    const id = await newList();
    const boxed = orderable.find((product) => product.salesUnitAmount > 1);
    const plain = orderable.find((product) => product.salesUnitAmount === 1)!;
    await importList(dealer, {
      id,
      text: [`${plain.sku};2`, "NOT-A-PRODUCT;1", `${blockedSku};1`, boxed ? `${boxed.sku};1` : ""].join("\n"),
    });
    const result = await addListToCart(dealer, { id });
    if (!result.ok) throw new Error(result.error);
    expect(result.reports.map((report) => report.outcome)).toEqual([
      "added",
      "unknown",
      "blocked",
      ...(boxed ? ["rounded"] : []),
    ]);
    const cart = await readCart(handle.db, { userKey: "dealer@acme.example", customerCode: "EA00001" });
    expect(cart.map((line) => [line.sku, line.quantity])).toEqual([
      [plain.sku, 2],
      ...(boxed ? [[boxed.sku, boxed.salesUnitAmount]] : []),
    ]);
  });

  it("adds only the lines ticked", async () => {
    const id = await newList();
    const [a, b] = orderable.filter((product) => product.salesUnitAmount === 1);
    await addToList(dealer, { id, sku: a!.sku, quantity: 1 });
    await addToList(dealer, { id, sku: b!.sku, quantity: 1 });
    const result = await addListToCart(colleague, { id, skus: [b!.sku] });
    expect(result).toMatchObject({ ok: true, added: 1 });
    const cart = await readCart(handle.db, { userKey: "inkoop@acme.example", customerCode: "EA00001" });
    expect(cart.map((line) => line.sku)).toEqual([b!.sku]);
    expect(await addListToCart(colleague, { id, skus: ["NOT-ON-LIST"] })).toEqual({
      ok: false,
      error: "nothing-ticked",
    });
  });

  it("saves the cart as a new list", async () => {
    const [a, b] = orderable;
    await addToStoredCart(handle.db, { userKey: "dealer@acme.example", customerCode: "EA00001" }, [
      { sku: a!.sku, quantity: a!.salesUnitAmount },
      { sku: b!.sku, quantity: b!.salesUnitAmount * 2 },
    ]);
    const saved = await saveCartAsList(dealer, { name: "From the cart" });
    if (!saved.ok) throw new Error(saved.error);
    expect((await showList(colleague, { id: saved.id }))?.lines.map((line) => [line.sku, line.quantity])).toEqual([
      [a!.sku, a!.salesUnitAmount],
      [b!.sku, b!.salesUnitAmount * 2],
    ]);
    expect(await saveCartAsList(otherDealer, { name: "Empty" })).toEqual({ ok: false, error: "empty" });
  });
});
