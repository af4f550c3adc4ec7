/** The generated catalogue and category tree, and how they change over simulated time. */
import { beforeAll, describe, expect, it } from "vitest";
import { createSimulator } from "../app.js";
import type { CategoryJson } from "../dataset/categories.js";
import { isValidEan13 } from "../dataset/ean13.js";
import type { ProductJson } from "../dataset/products.js";
import { parseDateInput, phpDate } from "../phpdate.js";
import { findProducts, type TestSim, testSim } from "./helpers.js";

type ListItem = { sku: string; last_modified: { date: string; timezone: string }; update_count: number };

let t: TestSim;
let token: string;
let products: ProductJson[];

beforeAll(async () => {
  t = testSim();
  token = await t.token("dealer");
  products = [...t.sim.state.catalogue.activeIndices()].map((i) => t.sim.state.catalogue.product(i));
});

const get = async <T>(path: string): Promise<T> => {
  const response = await t.call("GET", path, { token });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
};
const flatten = (nodes: CategoryJson[]): CategoryJson[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);
/** "YYYY-MM-DD HH:MM" in Amsterdam, the product list's modified_since format. */
const amsterdamMinute = (ms: number) => phpDate(ms).date.slice(0, 16);

describe("category tree", () => {
  it("has at least 12 roots and 150 categories, at most 3 levels, unique URL-safe codes and numeric ids", async () => {
    const roots = await get<CategoryJson[]>("/categories");
    const all = flatten(roots);
    expect(roots.length).toBeGreaterThanOrEqual(12);
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(Math.max(...all.map((c) => c.level))).toBeLessThanOrEqual(3);
    expect(new Set(all.map((c) => c.code)).size).toBe(all.length);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const c of all) {
      expect(c.code).toMatch(/^[A-Za-z0-9-]+$/);
      expect(c.id).toMatch(/^\d+$/);
      expect(c.is_group).toBe(c.children.length > 0);
    }
    expect(all.filter((c) => c.media.length > 0).length).toBeGreaterThan(all.length / 2);
  });

  it("keeps path and path_new consistent with the tree", async () => {
    const check = (node: CategoryJson, ids: string[], codes: string[]) => {
      expect(node.path).toBe([...ids, node.id].join(","));
      expect(node.path_new).toBe([...codes, node.code].join(","));
      expect(node.level).toBe(ids.length + 1);
      for (const child of node.children) check(child, [...ids, node.id], [...codes, node.code]);
    };
    for (const root of await get<CategoryJson[]>("/categories")) check(root, [], []);
  });

  it("answers one category as an array of one, by code or id, and its direct children", async () => {
    const [byCode] = await get<CategoryJson[]>("/categories/Electricity-Cables");
    const [byId] = await get<CategoryJson[]>(`/categories/${byCode?.id}`);
    expect(byId).toEqual(byCode);
    expect(byCode?.children.length).toBeGreaterThan(0);
    const children = await get<CategoryJson[]>("/categories/Electricity/children");
    const [electricity] = await get<CategoryJson[]>("/categories/Electricity");
    expect(children).toEqual(electricity?.children);
  });
});

describe("products", () => {
  it("have realistic SKUs: 7 digits with a leading zero, some A-prefixed, some L-suffixed", () => {
    const skus = products.map((p) => p.sku);
    expect(skus.every((sku) => /^A?\d{7}L?$/.test(sku))).toBe(true);
    expect(skus.filter((sku) => /^0\d{6}$/.test(sku)).length / skus.length).toBeGreaterThan(0.85);
    expect(skus.some((sku) => sku.startsWith("A"))).toBe(true);
    expect(skus.some((sku) => sku.endsWith("L"))).toBe(true);
    expect(new Set(skus).size).toBe(skus.length);
  });

  it("have valid, unique EAN13 barcodes", () => {
    expect(products.every((p) => isValidEan13(p.barcode.value))).toBe(true);
    expect(new Set(products.map((p) => p.barcode.value)).size).toBe(products.length);
  });

  it("have volume tiers 1/10/50 with falling prices and consistent VAT (21 % or 9 %)", () => {
    const rates = new Set<number>();
    for (const p of products) {
      expect(p.prices[0]?.minqty).toBe(1);
      for (const [i, tier] of p.prices.entries()) {
        expect([1, 10, 50]).toContain(tier.minqty);
        expect(Math.abs(tier.exvat + tier.vatamount - tier.incvat)).toBeLessThan(0.005);
        if (tier.priceOnDemand) continue;
        const rate = [21, 9].find((r) => Math.round((Math.round(tier.exvat * 100) * r) / 100) / 100 === tier.vatamount);
        expect(rate, `${p.sku} ${JSON.stringify(tier)}`).toBeDefined();
        rates.add(rate as number);
        if (i > 0) expect(tier.exvat).toBeLessThan(p.prices[i - 1]?.exvat ?? 0);
      }
    }
    expect(rates).toEqual(new Set([21, 9]));
    expect(products.some((p) => p.prices[0]?.priceOnDemand)).toBe(true);
  });

  it("mix sales units, flags, attributes and media", () => {
    const share = (test: (p: ProductJson) => boolean) => products.filter(test).length / products.length;
    expect(new Set(products.map((p) => p.sales_unit_amount))).toEqual(new Set([1, 5, 10, 25]));
    expect(new Set(products.map((p) => p.sales_unit))).toEqual(new Set(["STUKS", "DOOS", "piece", "box"]));
    for (const flag of [
      (p: ProductJson) => p.blocked,
      (p: ProductJson) => p.expiring,
      (p: ProductJson) => p.dropshipment.is_big_parcel,
    ]) {
      expect(share(flag)).toBeGreaterThan(0);
      expect(share(flag)).toBeLessThan(0.2);
    }
    expect(share((p) => p.dropshipment.dropshipable)).toBeGreaterThan(0.4);
    expect(products.every((p) => p.media.length <= 4 && p.attributes.length >= 1)).toBe(true);
    expect(new Set(products.map((p) => p.media.length))).toEqual(new Set([0, 1, 2, 3, 4]));
  });

  it("sometimes lack a title (a few per 100) or a description", () => {
    const untitled = products.filter((p) => p.title === null).length / products.length;
    expect(untitled).toBeGreaterThan(0.01);
    expect(untitled).toBeLessThan(0.06);
    expect(products.some((p) => p.description === null)).toBe(true);
  });

  it("use invented brands only", () => {
    const real =
      /\b(Dometic|Thetford|Truma|Fiamma|Victron|Webasto|Reich|Carbest|Campingaz|Thule|Eberspächer|Alde|Whale|Philips|Osram)\b/i;
    expect(products.filter((p) => real.test(`${p.title} ${p.description}`))).toEqual([]);
  });

  it("are each in at least one leaf category, keyed by the root's title", async () => {
    const roots = await get<CategoryJson[]>("/categories");
    const rootTitles = new Map(roots.map((r) => [r.code, r.title]));
    for (const p of products) {
      const entries = Object.entries(p["categories-b2b"]);
      expect(entries.length).toBeGreaterThan(0);
      for (const [rootTitle, categories] of entries) {
        for (const c of categories) {
          expect(c.is_group).toBe(false);
          expect(rootTitles.get(c.path_new.split(",")[0] as string)).toBe(rootTitle);
        }
      }
    }
  });

  it("answer the same document by SKU and by barcode; unknown ones are 404", async () => {
    const p = products[7] as ProductJson;
    expect(await get(`/products/barcode/${p.barcode.value}`)).toEqual(await get(`/products/${p.sku}`));
    expect((await t.call("GET", "/products/barcode/0000000000000", { token })).status).toBe(404);
  });

  it("are the same for the same seed and differ for another seed", () => {
    const a = createSimulator({ products: 300, seed: "alpha", timeScale: 0 });
    const b = createSimulator({ products: 300, seed: "alpha", timeScale: 0 });
    const c = createSimulator({ products: 300, seed: "beta", timeScale: 0 });
    const doc = (s: typeof a, i: number) => {
      const { last_modified: _l, ...rest } = s.state.catalogue.product(i);
      return rest;
    };
    expect(doc(a, 42)).toEqual(doc(b, 42));
    expect(doc(a, 42)).not.toEqual(doc(c, 42));
    const lines = (s: typeof a) => s.state.orders.all().map((o) => [o.customerCode, o.lines.map((l) => l.product_sku)]);
    expect(lines(a)).toEqual(lines(b));
    expect(lines(a)).not.toEqual(lines(c));
  });

  it("start 200,000 products well within 20 seconds", () => {
    const started = performance.now();
    const big = createSimulator({ products: 200_000, timeScale: 0 });
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(big.state.catalogue.indexOfSku(big.state.catalogue.sku(199_999))).toBe(199_999);
  });
});

describe("the SKU list", () => {
  it("lists every product in SKU order with its change markers", async () => {
    const list = await get<ListItem[]>("/products");
    expect(list.map((item) => item.sku)).toEqual(products.map((p) => p.sku));
    expect(list[3]).toEqual({
      sku: products[3]?.sku,
      last_modified: products[3]?.last_modified,
      update_count: products[3]?.update_count,
    });
  });

  it("filters by category, descendants included", async () => {
    const inElectricity = products.filter((p) =>
      Object.values(p["categories-b2b"])
        .flat()
        .some((c) => c.path_new.startsWith("Electricity,")),
    );
    const list = await get<ListItem[]>("/products?category=Electricity");
    expect(list.map((item) => item.sku)).toEqual(inElectricity.map((p) => p.sku));
    const cables = await get<ListItem[]>("/products?category=Electricity-Cables-Power");
    expect(cables.length).toBeGreaterThan(0);
    expect(cables.length).toBeLessThan(list.length);
    expect(await get<ListItem[]>("/products?category=NoSuchCategory")).toEqual([]);
  });

  it("filters by barcodes, comma separated", async () => {
    const picked = [products[5], products[900]] as ProductJson[];
    const list = await get<ListItem[]>(
      `/products?barcode=${picked.map((p) => p.barcode.value).join(",")},1234567890128`,
    );
    expect(list.map((item) => item.sku)).toEqual(picked.map((p) => p.sku));
  });

  it("rejects a bad update_count or modified_since with 422", async () => {
    for (const query of ["update_count=many", "modified_since=yesterday", "modified_since=2025-13-01 00:00"]) {
      expect((await t.call("GET", `/products?${query}`, { token })).status, query).toBe(422);
    }
  });
});

describe("catalogue changes over simulated time", () => {
  it("every simulated minute some products change: modified_since and update_count return the deltas", async () => {
    const live = testSim();
    const liveToken = await live.token("admin");
    const list = async (query: string) =>
      (await (await live.call("GET", `/products?${query}`, { token: liveToken })).json()) as ListItem[];
    const since = live.sim.clock.now();
    const before = new Map((await list("")).map((item) => [item.sku, item.update_count]));
    expect(await list(`modified_since=${encodeURIComponent(amsterdamMinute(since + 60_000))}`)).toEqual([]);
    await live.control("POST", "clock/advance", { minutes: 10 });
    const changed = await list(`modified_since=${encodeURIComponent(amsterdamMinute(since))}`);
    // One change a minute at 1,500 products, each minute's product drawn at random (seeded by the wall-clock
    // minute): two of the ten minutes may draw the same product, about one run in thirty.
    expect(changed.length).toBeGreaterThanOrEqual(8);
    expect(changed.length).toBeLessThanOrEqual(10);
    for (const item of changed) {
      expect(
        parseDateInput(`${item.last_modified.date.slice(0, 19)}${item.last_modified.timezone === "UTC" ? "Z" : ""}`),
      ).toBeGreaterThanOrEqual(since - 60_000);
      expect(item.update_count).toBeGreaterThan(before.get(item.sku) ?? Infinity);
    }
    const threshold = Math.max(...before.values()) + 1;
    const bumped = await list(`update_count=${threshold}`);
    expect(bumped.every((item) => item.update_count >= threshold)).toBe(true);
  });

  it("a forced tick changes products and flips stock colours, visible in /products and /stock/color", async () => {
    const live = testSim();
    const liveToken = await live.token("dealer");
    const since = new Date(live.sim.clock.now()).toISOString();
    const tick = await live.control<{ changed: Array<{ sku: string }>; stock: Array<{ sku: string; colour: string }> }>(
      "POST",
      "catalogue/tick",
      { changes: 5 },
    );
    expect(tick.changed).toHaveLength(5);
    expect(tick.stock.length).toBeGreaterThan(0);
    const listed = (await (
      await live.call("GET", `/products?modified_since=${encodeURIComponent(since)}`, { token: liveToken })
    ).json()) as ListItem[];
    expect(listed.map((item) => item.sku)).toEqual(expect.arrayContaining(tick.changed.map((c) => c.sku)));
    const stock = (await (
      await live.call("GET", `/stock/color?listtype=flat&modified_since=${encodeURIComponent(since)}`, {
        token: liveToken,
      })
    ).json()) as Record<string, string>;
    expect(stock).toEqual(Object.fromEntries(tick.stock.map((s) => [s.sku, s.colour])));
  });

  it("stock endpoints agree: colours, numeric 1 or 2 when in stock, absolute 0/1, nested and flat", async () => {
    const colour = await get<Record<string, string>>("/stock/color?listtype=flat");
    const numeric = await get<Record<string, number>>("/stock/numeric?listtype=flat");
    const absolute = await get<Record<string, number>>("/stock/absolute?listtype=flat");
    const nested = await get<Array<Record<string, number>>>("/stock/numeric");
    expect(Object.assign({}, ...nested)).toEqual(numeric);
    expect(nested.every((entry) => Object.keys(entry).length === 1)).toBe(true);
    expect(new Set(Object.values(numeric))).toEqual(new Set([0, 1, 2]));
    for (const [sku, value] of Object.entries(numeric)) {
      expect(colour[sku]).toBe(value > 0 ? "green" : "red");
      expect(absolute[sku]).toBe(value > 0 ? 1 : 0);
    }
    const inStock = Object.values(numeric).filter((v) => v > 0).length / Object.keys(numeric).length;
    expect(inStock).toBeGreaterThan(0.75);
    expect(inStock).toBeLessThan(0.95);
  });
});

describe("catalogue control", () => {
  it("POST /__sim/stock sets a colour everywhere", async () => {
    const [sku] = findProducts(t.sim, (p) => p.stock_colour === "green") as [string];
    await t.control("POST", "stock", { sku, colour: "red" });
    expect((await get<Record<string, string>>("/stock/color?listtype=flat"))[sku]).toBe("red");
    expect((await get<ProductJson>(`/products/${sku}`)).stock_colour).toBe("red");
  });

  it("leaves the first SIM_STEADY_PRODUCTS products to the control API: the clock changes only the others", async () => {
    const steady = 1_000;
    const live = testSim({ steadyProducts: steady });
    const firstSkus = new Set(
      ((await (await live.call("GET", "/products", { token: await live.token("dealer") })).json()) as ListItem[])
        .slice(0, steady)
        .map((item) => item.sku),
    );
    const before = [...firstSkus].map((sku) =>
      live.sim.state.catalogue.product(live.sim.state.catalogue.indexOfSku(sku)!),
    );
    const changed: string[] = [];
    const flipped: string[] = [];
    for (let round = 0; round < 40; round++) {
      const tick = await live.control<{ changed: Array<{ sku: string }>; stock: Array<{ sku: string }> }>(
        "POST",
        "catalogue/tick",
        { changes: 10 },
      );
      changed.push(...tick.changed.map((c) => c.sku));
      flipped.push(...tick.stock.map((s) => s.sku));
    }
    // 400 changes and the flips with them, all among the last 500 products.
    expect(changed).toHaveLength(400);
    expect(flipped.length).toBeGreaterThan(0);
    expect([...changed, ...flipped].filter((sku) => firstSkus.has(sku))).toEqual([]);
    const after = [...firstSkus].map((sku) =>
      live.sim.state.catalogue.product(live.sim.state.catalogue.indexOfSku(sku)!),
    );
    expect(after).toEqual(before);
    // The control API still changes a steady product.
    const [first] = firstSkus;
    const renamed = await live.control<ProductJson>("POST", `products/${first}`, { title: "Steady but renamed" });
    expect(renamed.title).toBe("Steady but renamed");
    expect(() => testSim({ steadyProducts: -1 })).toThrow(/steadyProducts/);
  });

  it("POST /__sim/products/{sku} changes a product and bumps its change markers", async () => {
    const [sku] = findProducts(t.sim, (p) => !p.blocked && p.sales_unit_amount === 1) as [string];
    const before = await get<ProductJson>(`/products/${sku}`);
    const after = await t.control<ProductJson>("POST", `products/${sku}`, {
      title: null,
      prices: [
        { minqty: 10, exvat: 8 },
        { minqty: 1, exvat: 10 },
      ],
      blocked: true,
    });
    expect(after.title).toBeNull();
    expect(after.update_count).toBe(before.update_count + 1);
    const vat = t.sim.state.catalogue.vatRate(t.sim.state.catalogue.indexOfSku(sku) as number);
    expect(after.prices.map((p) => [p.minqty, p.exvat, p.incvat])).toEqual(
      vat === 21
        ? [
            [1, 10, 12.1],
            [10, 8, 9.68],
          ]
        : [
            [1, 10, 10.9],
            [10, 8, 8.72],
          ],
    );
    expect(await get<ProductJson>(`/products/${sku}`)).toEqual(after);
    const order = await t.call("POST", "/orders", { token, json: { products: [{ sku, amount: 1 }] } });
    expect(order.status).toBe(422);
  });

  it("DELETE /__sim/products/{sku} makes a product vanish", async () => {
    const sku = products[11]?.sku as string;
    await t.control("DELETE", `products/${sku}`);
    expect((await t.call("GET", `/products/${sku}`, { token })).status).toBe(404);
    expect((await get<ListItem[]>("/products")).some((item) => item.sku === sku)).toBe(false);
    expect(sku in (await get<Record<string, string>>("/stock/color?listtype=flat"))).toBe(false);
  });
});
