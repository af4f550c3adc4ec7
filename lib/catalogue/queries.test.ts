import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openMemoryDatabase, type DatabaseHandle } from "@/lib/db/client";
import { products } from "@/lib/db/schema";
import type { Media } from "@/lib/domain/media";

import { categoryProducts, summariesBySku } from "./queries";

/** The products' summaries, read by SKU (as search, lists and orders read them) on a real PGlite database. */
let handle: DatabaseHandle;

const picture = (sequence: number, primary: boolean): Media => ({
  sequence,
  type: "image",
  primary,
  hash: `hash-${sequence}`,
  mimeType: "image/jpeg",
  ext: "jpg",
  size: 1234,
  url: `/media/${sequence}.jpg`,
});

const tier = (minQuantity: number, exVat: number) => ({
  minQuantity,
  exVat,
  incVat: Math.round(exVat * 121) / 100,
  vatAmount: Math.round(exVat * 21) / 100,
  vatRate: 21,
  priceOnDemand: false,
});

beforeAll(async () => {
  handle = await openMemoryDatabase();
  await handle.db.insert(products).values([
    {
      sku: "0104916",
      title: "Kabel 2,5 mm² – rol 100 m",
      vendorItemNo: "KB-25/100",
      barcode: "8712345678906",
      priceUnit: "ROL",
      salesUnit: "DOOS",
      salesUnitAmount: 4,
      prices: [tier(1, 49.99), tier(10, 44.5)],
      basePrice: 49.9912,
      vatRate: 21,
      stockColour: "green",
      dropshipable: true,
      media: [picture(1, false), picture(2, true)],
      categoryPaths: ["Electricity"],
    },
    {
      sku: "A0009953",
      title: null,
      priceUnit: "STUKS",
      salesUnit: "STUKS",
      priceOnDemand: true,
      stockColour: "red",
      blocked: true,
      categoryPaths: ["Electricity"],
    },
    { sku: "0108002", title: "Gasfles aansluitset", priceUnit: "STUKS", salesUnit: "STUKS", categoryPaths: ["Gas"] },
    { sku: "0108003", title: "Kookplaat zwart", priceUnit: "STUKS", salesUnit: "STUKS", available: false },
  ]);
}, 60_000);

afterAll(async () => {
  await handle?.close();
});

describe("summariesBySku", () => {
  it("gives each product as a category listing shows it: prices, units, picture, stock and flags", async () => {
    const listing = await categoryProducts(handle.db, {
      categoryCode: "Electricity",
      filters: { inStockOnly: false, dropshipableOnly: false },
      sort: "sku",
      page: 1,
    });
    expect(listing.items.map((item) => item.sku)).toEqual(["0104916", "A0009953"]);
    const bySku = await summariesBySku(handle.db, ["A0009953", "0104916"]);
    expect([...bySku.keys()].sort()).toEqual(["0104916", "A0009953"]);
    for (const item of listing.items) expect(bySku.get(item.sku)).toEqual(item);

    const cable = bySku.get("0104916")!;
    expect(cable).toMatchObject({
      title: "Kabel 2,5 mm² – rol 100 m",
      priceExVat: 49.99,
      priceIncVat: 60.49,
      vatRate: 21,
      salesUnit: "DOOS",
      salesUnitAmount: 4,
      stockColour: "green",
      dropshipable: true,
    });
    expect(cable.image?.sequence).toBe(2);
    expect(bySku.get("A0009953")).toMatchObject({
      title: null,
      priceExVat: null,
      priceOnDemand: true,
      stockColour: "red",
      blocked: true,
      available: true,
      image: null,
    });
  });

  it("gives products no longer available as such (an order or a list still names them)", async () => {
    const found = await summariesBySku(handle.db, ["0108003"]);
    expect(found.get("0108003")).toMatchObject({ title: "Kookplaat zwart", available: false });
  });

  it("leaves out SKUs the mirror does not hold, and reads nothing for none", async () => {
    const found = await summariesBySku(handle.db, ["0108002", "NOPE-1", "0108002"]);
    expect([...found.keys()]).toEqual(["0108002"]);
    expect(found.get("0108002")?.title).toBe("Gasfles aansluitset");
    expect((await summariesBySku(handle.db, [])).size).toBe(0);
  });
});
