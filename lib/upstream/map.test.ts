import { describe, expect, it } from "vitest";

import { normaliseOrderStatus } from "@/lib/domain/order";
import { productDisplayName } from "@/lib/domain/product";

import * as map from "./map";
import * as wire from "./wire";

const MEDIA = "http://media.test";
const amsterdamNoon = { date: "2024-01-01 12:00:00.000000", timezone_type: 3, timezone: "Europe/Amsterdam" };
const media = {
  sequence: 1,
  type: "image",
  primary: true,
  hash: "a1b2",
  mimetype: "image/jpeg",
  ext: "jpg",
  size: 204800,
};

/** The reference's order example, as the upstream documents it. */
const referenceOrder = {
  id: 12345,
  updated_at: amsterdamNoon,
  status: "pending",
  creator_name: "John Doe",
  customer: {
    code: "EA00001",
    name: "Acme Corporation",
    address: {
      street: "Main Street",
      number: "123",
      number_suffix: "A",
      default: true,
      postal_code: "1234AB",
      city: "Amsterdam",
      cc: "NL",
      country: "NL",
      email_shipping: "shipping@acme.example",
    },
  },
  dropship: true,
  vat: "NL123456789B01",
  company: "Acme Corporation",
  reference: "PO123456",
  notes: "string",
  BillingAddress: null,
  shippingAddress: {
    first_name: "Jane",
    last_name: "Doe",
    address_one_street: "Elm Street",
    address_one_number: "456",
    address_one_additional: "B",
    address_two_street: null,
    address_two_number: null,
    address_two_additional: null,
    city: "Rotterdam",
    zipcode: "5678CD",
    country: "NL",
    phone_number: "+31 20 123 4567",
    delivery_note: "Leave at the front door if no one is home",
  },
  products: [
    {
      title: "Dometic Kookplaat 2-Pits HBG 2335",
      barcode: "4015704284195",
      product_sku: "A0009953",
      sales_unit: "STUKS",
      price_unit: "STUKS",
      sales_unit_amount: 1,
      quantity: 2,
      price: 49.99,
      discount: null,
      reference: "HBG 2335",
      customer_price: 39.99,
      sold_price: 44.99,
      tax: 21,
    },
  ],
  shipments: [
    {
      created_at: amsterdamNoon,
      shipment_id: 54321,
      courier: "DHL",
      piece_number: 1,
      tracker_code: "JD0146000030000000000",
    },
  ],
};

const category = {
  id: "Electricity",
  code: "Electricity",
  title: "Electricity",
  level: 1,
  path: "20001,20002",
  path_new: "Electricity,SpareParts",
  is_group: false,
  media: [media],
  children: [{}],
};

/** The reference's product example (it has no title). */
const referenceProduct = {
  sku: "AO234324",
  ocsid: "AO234324",
  vendor_item_no: "12345",
  expiring: false,
  last_modified: { date: "2023-10-05 14:48:00.000000", timezone_type: 3, timezone: "UTC" },
  update_count: 1,
  blister: false,
  consumer: false,
  blocked: false,
  barcode: { value: "1234567890123", type: "EAN13", image: media },
  stock: "in_stock",
  stock_colour: "green",
  dropshipment: { dropshipable: true, is_big_parcel: false },
  customs: { code: "123456789", label: "Electronics", origin: "NL" },
  "categories-b2b": { Toilet: [category] },
  "categories-b2c": { Toilet: [category] },
  prices: [{ seller: 0, exvat: 100, incvat: 121, vatamount: 21, minqty: 1, priceOnDemand: false }],
  price_unit: "piece",
  sales_unit: "box",
  sales_unit_amount: 10,
  files: [media],
  attributes: [{ code: "color", code_new: "Color2", title: "Color", description: "The color of the product" }],
  media: [media],
};

describe("order mapping", () => {
  it("maps the reference's order", () => {
    const order = map.mapOrder(wire.order.parse(referenceOrder));
    expect(order.id).toBe("12345");
    expect(order.updatedAt?.toISOString()).toBe("2024-01-01T11:00:00.000Z");
    expect(order.status).toBe("pending");
    expect(order.customer?.address?.postalCode).toBe("1234AB");
    expect(order.billingAddress).toBeNull();
    expect(order.shippingAddress?.street2).toBeNull();
    expect(order.lines[0]).toMatchObject({
      sku: "A0009953",
      quantity: 2,
      listPrice: 49.99,
      discount: null,
      vatRate: 21,
    });
    expect(order.shipments[0]).toMatchObject({ shipmentId: "54321", courier: "DHL", pieceNumber: 1 });
  });

  it("accepts ids and numbers sent as strings", () => {
    const order = map.mapOrder(
      wire.order.parse({
        ...referenceOrder,
        id: "12345",
        products: [{ ...referenceOrder.products[0], price: "49.99" }],
      }),
    );
    expect(order.id).toBe("12345");
    expect(order.lines[0]?.listPrice).toBe(49.99);
  });

  it("rejects an order without an id", () => {
    expect(wire.order.safeParse({ ...referenceOrder, id: null }).success).toBe(false);
  });

  it("keeps the create response's id as text, a number as its decimal text", () => {
    const created = map.mapCreatedOrder(
      wire.createdOrder.parse({ data: { id: "100123", status: "pending", created_at: amsterdamNoon } }),
    );
    expect(created).toMatchObject({ id: "100123", status: "pending" });
    const numeric = map.mapCreatedOrder(wire.createdOrder.parse({ data: { id: 100124, status: "pending" } }));
    expect(numeric.id).toBe("100124");
    const opaque = map.mapCreatedOrder(wire.createdOrder.parse({ data: { id: "ORD123456", status: "pending" } }));
    expect(opaque).toMatchObject({ id: "ORD123456" });
  });
});

describe("status normalisation", () => {
  it.each([
    ["Processing", "processing"],
    ["processing", "processing"],
    ["pending", "pending"],
    ["In-m3", "in-m3"],
    ["M3-Error", "m3-error"],
    ["Cancelled", "canceled"],
    ["complete", "complete"],
    ["Shipped", "shipped"],
    ["error", "error"],
    ["on hold", "unknown"],
  ])("%s is %s", (raw, status) => {
    expect(normaliseOrderStatus(raw)).toBe(status);
  });

  it("reads the status endpoint's json output", () => {
    const report = map.mapOrderStatus("Processing", "2023-10-05T14:48:00Z");
    expect(report).toMatchObject({ status: "processing", statusRaw: "Processing" });
    expect(report.updatedAt?.toISOString()).toBe("2023-10-05T14:48:00.000Z");
  });
});

describe("product mapping", () => {
  it("maps the reference's product", () => {
    const product = map.mapProduct(MEDIA, wire.product.parse(referenceProduct));
    expect(product.title).toBeNull();
    expect(productDisplayName(product)).toBe("12345 (AO234324)");
    expect(product.stockColour).toBe("green");
    expect(product.salesUnitAmount).toBe(10);
    expect(product.prices).toEqual([
      { minQuantity: 1, exVat: 100, incVat: 121, vatAmount: 21, vatRate: 21, priceOnDemand: false },
    ]);
    expect(product.categories).toEqual([
      { code: "Electricity", title: "Electricity", pathCodes: ["Electricity", "SpareParts"] },
    ]);
    expect(product.media[0]?.url).toBe("http://media.test/a1b2.jpg");
    expect(product.lastModified?.toISOString()).toBe("2023-10-05T14:48:00.000Z");
  });

  it("sorts tiers and derives a 9 % VAT rate", () => {
    const product = map.mapProduct(
      MEDIA,
      wire.product.parse({
        ...referenceProduct,
        prices: [
          { exvat: 8, incvat: 8.72, vatamount: 0.72, minqty: 10, priceOnDemand: false },
          { exvat: 10, incvat: 10.9, vatamount: 0.9, minqty: 1, priceOnDemand: false },
        ],
      }),
    );
    expect(product.prices.map((tier) => [tier.minQuantity, tier.vatRate])).toEqual([
      [1, 9],
      [10, 9],
    ]);
  });

  it("ignores the reference's empty child placeholders", () => {
    expect(map.mapCategory(MEDIA, wire.category.parse(category)).children).toEqual([]);
  });
});

describe("stock mapping", () => {
  it("reads nested and flat colour lists", () => {
    expect([...map.mapStockColours(wire.stockColours.parse([{ "0125245": "green" }, { A0042866L: "red" }]))]).toEqual([
      ["0125245", "green"],
      ["A0042866L", "red"],
    ]);
    expect(map.mapStockColours(wire.stockColours.parse({ "0125245": "green" })).get("0125245")).toBe("green");
  });

  it("treats every number above 0 as in stock (1 and 2 alike)", () => {
    const stock = map.mapStockNumbers(wire.stockNumbers.parse([{ a: 1 }, { b: 2 }, { c: 0 }]));
    expect([...stock.values()]).toEqual(["green", "green", "red"]);
  });
});
