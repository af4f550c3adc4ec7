/**
 * The order book: a seeded history for every company and the orders placed
 * through the API. An order's life is a schedule of status steps fixed when it
 * is created; its status is simply the last step the simulated clock has
 * passed, so clock jumps need no background work. Shipments (one per parcel)
 * become visible with the "shipped" step.
 */
import { type PhpDate, type PhpDateStyle, phpDate } from "../phpdate.js";
import type { Catalogue } from "./catalogue.js";
import { type CompanyJson, type CompanyRecord, consumerAddress, WHOLESALER_CODE } from "./companies.js";
import { round2, tierFor } from "./pricing.js";
import { Rng } from "./rng.js";
import { type Courier, pickCourier, shipmentDateStyle, trackerCode } from "./trackers.js";

export const ORDER_STATUSES = [
  "pending",
  "processing",
  "in-m3",
  "m3-error",
  "shipped",
  "canceled",
  "complete",
  "error",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const FIRST_ORDER_ID = 100_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface ShippingAddress {
  first_name: string;
  last_name: string;
  address_one_street: string;
  address_one_number: string;
  address_one_additional: string | null;
  address_two_street: string | null;
  address_two_number: string | null;
  address_two_additional: string | null;
  city: string;
  zipcode: string;
  country: string;
  phone_number: string | null;
  delivery_note: string | null;
}

export interface OrderLine {
  title: string;
  barcode: string;
  product_sku: string;
  sales_unit: string;
  price_unit: string;
  sales_unit_amount: number;
  quantity: number;
  price: number;
  discount: number | null;
  reference: string;
  customer_price: number;
  sold_price: number;
  tax: number;
}

interface Shipment {
  at: number;
  style: PhpDateStyle;
  shipment_id: number;
  courier: Courier;
  piece_number: number;
  tracker_code: string;
}

interface Step {
  status: OrderStatus;
  at: number;
}

export interface OrderRecord {
  id: number;
  customerCode: string;
  creatorName: string;
  creatorEmail: string | null;
  createdAt: number;
  test: boolean;
  reference: string | null;
  notes: string | null;
  dropship: boolean;
  vat: string;
  company: string;
  billingAddress: ShippingAddress | null;
  shippingAddress: ShippingAddress;
  lines: OrderLine[];
  steps: Step[];
  shipments: Shipment[];
}

export interface OrderJson {
  id: number;
  updated_at: PhpDate;
  status: OrderStatus;
  creator_name: string;
  customer: CompanyJson;
  dropship: boolean;
  vat: string;
  company: string;
  reference: string | null;
  notes: string | null;
  BillingAddress: ShippingAddress | null;
  shippingAddress: ShippingAddress;
  products: OrderLine[];
  shipments: Array<{
    created_at: PhpDate;
    shipment_id: number;
    courier: Courier;
    piece_number: number;
    tracker_code: string;
  }>;
}

/** A validated order as POST /orders hands it over. */
export interface NewOrder {
  customer: CompanyRecord;
  creatorName: string;
  creatorEmail: string;
  reference: string | null;
  notes: string | null;
  test: boolean;
  shipping?: {
    first_name: string;
    last_name: string;
    company?: string | null;
    vatNumber?: string | null;
    phone?: string | null;
    address: {
      street: string;
      houseNumber: string;
      houseNumberExtension?: string | null;
      city: string;
      postcode: string;
      country: string;
      note?: string | null;
    };
  };
  lines: Array<{ index: number; amount: number }>;
}

/** Created orders whose id ends this way stop in m3-error (one in twenty, predictable for tests). */
export function endsInM3Error(id: number): boolean {
  return id % 20 === 19;
}

function ownAddress(company: CompanyRecord): ShippingAddress {
  const [first = "", ...rest] = (company.staff[0] ?? company.json.name).split(" ");
  const a = company.json.address;
  return {
    first_name: first,
    last_name: rest.join(" "),
    address_one_street: a.street,
    address_one_number: a.number,
    address_one_additional: a.number_suffix,
    address_two_street: null,
    address_two_number: null,
    address_two_additional: null,
    city: a.city,
    zipcode: a.postal_code,
    country: a.cc,
    phone_number: company.phone,
    delivery_note: null,
  };
}

const HISTORY_TARGETS: ReadonlyArray<readonly [OrderStatus, number]> = [
  ["complete", 55],
  ["shipped", 10],
  ["in-m3", 5],
  ["processing", 6],
  ["pending", 5],
  ["canceled", 7],
  ["error", 4],
  ["m3-error", 8],
];

const NOTES = [
  "Graag leveren tussen 9 en 17 uur.",
  "Please deliver between 9 AM and 5 PM.",
  "Bel bij aankomst.",
  "Levering via achteringang.",
  "Spoed: klant wacht.",
] as const;

export class OrderBook {
  private readonly orders: OrderRecord[] = [];
  private readonly byId = new Map<number, OrderRecord>();
  private nextId = FIRST_ORDER_ID;
  private nextShipmentId = 540_000;

  constructor(
    private readonly seed: string,
    private readonly companies: ReadonlyMap<string, CompanyRecord>,
    private readonly catalogue: Catalogue,
    startMs: number,
  ) {
    this.seedHistory(Math.floor(startMs / 1000) * 1000);
  }

  get(id: number): OrderRecord | undefined {
    return this.byId.get(id);
  }

  /** All orders of a customer, newest first. */
  forCustomer(code: string): OrderRecord[] {
    return this.orders.filter((o) => o.customerCode === code).reverse();
  }

  /** Every order, newest first. */
  all(): OrderRecord[] {
    return this.orders.slice().reverse();
  }

  create(input: NewOrder, nowMs: number): OrderRecord {
    const id = this.nextId;
    const createdAt = Math.floor(nowMs / 1000) * 1000;
    const rng = Rng.for(this.seed, "order", id);
    const at = (base: number, minMinutes: number, maxMinutes: number) =>
      base + rng.int(minMinutes * 60, maxMinutes * 60) * 1000;
    const steps: Step[] = [{ status: "pending", at: createdAt }];
    const processing = at(createdAt, 2, 4);
    const inM3 = at(processing, 3, 6);
    steps.push({ status: "processing", at: processing }, { status: "in-m3", at: inM3 });
    if (endsInM3Error(id)) {
      steps.push({ status: "m3-error", at: at(inM3, 4, 8) });
    } else {
      const shipped = at(inM3, 12, 20);
      steps.push({ status: "shipped", at: shipped }, { status: "complete", at: at(shipped, 45, 75) });
    }
    const shipping = input.shipping;
    const customer = input.customer;
    const order = this.add(
      {
        id,
        customerCode: customer.json.code,
        creatorName: input.creatorName,
        creatorEmail: input.creatorEmail,
        createdAt,
        test: input.test,
        reference: input.reference,
        notes: input.notes,
        dropship: shipping !== undefined,
        vat: shipping?.vatNumber || customer.vatNumber,
        company: shipping?.company || customer.json.name,
        billingAddress: shipping ? ownAddress(customer) : null,
        shippingAddress: shipping
          ? {
              first_name: shipping.first_name,
              last_name: shipping.last_name,
              address_one_street: shipping.address.street,
              address_one_number: shipping.address.houseNumber,
              address_one_additional: shipping.address.houseNumberExtension ?? null,
              address_two_street: null,
              address_two_number: null,
              address_two_additional: null,
              city: shipping.address.city,
              zipcode: shipping.address.postcode,
              country: shipping.address.country,
              phone_number: shipping.phone ?? null,
              delivery_note: shipping.address.note ?? null,
            }
          : ownAddress(customer),
        lines: input.lines.map((line) => this.line(line.index, line.amount, customer, rng)),
        steps,
        shipments: [],
      },
      rng,
    );
    return order;
  }

  /** The step the simulated clock has reached. */
  current(order: OrderRecord, nowMs: number): Step {
    let step = order.steps[0] as Step;
    for (const s of order.steps) if (s.at <= nowMs) step = s;
    return step;
  }

  toJson(order: OrderRecord, nowMs: number): OrderJson {
    const step = this.current(order, nowMs);
    const customer = this.companies.get(order.customerCode);
    if (!customer) throw new Error(`Order ${order.id} belongs to unknown customer ${order.customerCode}`);
    return {
      id: order.id,
      updated_at: phpDate(step.at),
      status: step.status,
      creator_name: order.creatorName,
      customer: customer.json,
      dropship: order.dropship,
      vat: order.vat,
      company: order.company,
      reference: order.reference,
      notes: order.notes,
      BillingAddress: order.billingAddress,
      shippingAddress: order.shippingAddress,
      products: order.lines,
      shipments: order.shipments
        .filter((s) => s.at <= nowMs)
        .map((s) => ({
          created_at: phpDate(s.at, s.style),
          shipment_id: s.shipment_id,
          courier: s.courier,
          piece_number: s.piece_number,
          tracker_code: s.tracker_code,
        })),
    };
  }

  /** Registers an order and, if it ships, its parcels. */
  private add(order: OrderRecord, rng: Rng): OrderRecord {
    const shipped = order.steps.find((s) => s.status === "shipped");
    if (shipped) {
      const courier = pickCourier(rng);
      const parcels = Math.min(3, 1 + Math.floor((order.lines.length - 1) / 4) + (rng.chance(0.2) ? 1 : 0));
      for (let piece = 1; piece <= parcels; piece++) {
        order.shipments.push({
          at: shipped.at,
          style: shipmentDateStyle(courier),
          shipment_id: this.nextShipmentId++,
          courier,
          piece_number: piece,
          tracker_code: trackerCode(courier, rng),
        });
      }
    }
    this.orders.push(order);
    this.byId.set(order.id, order);
    this.nextId = Math.max(this.nextId, order.id + 1);
    return order;
  }

  /** One line: list price of the tier at this amount, the customer's discount group, sometimes a promotion. */
  private line(index: number, amount: number, customer: CompanyRecord, rng: Rng): OrderLine {
    const product = this.catalogue.product(index);
    const tier = tierFor(product.prices, amount);
    const price = tier?.exvat ?? 0;
    const customerPrice = round2(price * (1 - customer.discount));
    const promotion = rng.chance(0.1) ? rng.pick([5, 10, 15]) : null;
    return {
      title: product.title ?? `${product.vendor_item_no} (${product.sku})`,
      barcode: product.barcode.value,
      product_sku: product.sku,
      sales_unit: product.sales_unit,
      price_unit: product.price_unit,
      sales_unit_amount: product.sales_unit_amount,
      quantity: amount,
      price,
      discount: promotion,
      reference: product.vendor_item_no,
      customer_price: customerPrice,
      sold_price: promotion ? round2(customerPrice * (1 - promotion / 100)) : customerPrice,
      tax: this.catalogue.vatRate(index),
    };
  }

  // ---- history ---------------------------------------------------------------

  private seedHistory(start: number): void {
    const drafts: Array<Omit<OrderRecord, "id" | "shipments"> & { rng: Rng }> = [];
    for (const company of this.companies.values()) {
      const rng = Rng.for(this.seed, "history", company.json.code);
      const count = company.json.code === "EA00001" ? 36 : company.json.code === WHOLESALER_CODE ? 4 : rng.int(2, 8);
      for (let n = 0; n < count; n++) {
        // The demo dealer's first orders cover every status, so each one is on screen from the start.
        const target =
          company.json.code === "EA00001" && n < ORDER_STATUSES.length
            ? (ORDER_STATUSES[n] as OrderStatus)
            : rng.weighted(HISTORY_TARGETS);
        drafts.push(this.historyDraft(company, target, start, Rng.for(this.seed, "history", company.json.code, n)));
      }
    }
    drafts.sort((a, b) => a.createdAt - b.createdAt);
    for (const { rng, ...draft } of drafts) this.add({ ...draft, id: this.nextId, shipments: [] }, rng);
  }

  private historyDraft(
    company: CompanyRecord,
    target: OrderStatus,
    start: number,
    rng: Rng,
  ): Omit<OrderRecord, "id" | "shipments"> & { rng: Rng } {
    const steps = historySchedule(target, start, rng);
    const dropship = rng.chance(0.25);
    const person = consumerAddress(rng, company.json.address.cc);
    const lineCount = rng.weighted([
      [1, 25],
      [2, 20],
      [3, 15],
      [4, 10],
      [5, 8],
      [6, 6],
      [8, 6],
      [10, 5],
      [12, 5],
    ] as const);
    const lines: OrderLine[] = [];
    for (let attempt = 0; lines.length < lineCount && attempt < lineCount * 5; attempt++) {
      const index = rng.int(0, this.catalogue.size - 1);
      const product = this.catalogue.product(index);
      if (dropship && !product.dropshipment.dropshipable) continue;
      const amount = product.sales_unit_amount * (rng.chance(0.1) ? rng.int(10, 50) : rng.int(1, 5));
      lines.push(this.line(index, amount, company, rng));
    }
    const creator = company.json.code === "EA00001" && rng.chance(0.7) ? "Daan de Vries" : rng.pick(company.staff);
    return {
      rng,
      customerCode: company.json.code,
      creatorName: creator,
      creatorEmail: null,
      createdAt: (steps[0] as Step).at,
      test: false,
      reference: rng.chance(0.85) ? rng.pick(["PO", "INK", "REF-", "K"]) + rng.digits(rng.int(4, 7)) : null,
      notes: rng.chance(0.3) ? rng.pick(NOTES) : null,
      dropship,
      vat: company.vatNumber,
      company: company.json.name,
      billingAddress: dropship ? ownAddress(company) : null,
      shippingAddress: dropship
        ? {
            first_name: person.firstName,
            last_name: person.lastName,
            address_one_street: person.street,
            address_one_number: person.number,
            address_one_additional: person.suffix,
            address_two_street: null,
            address_two_number: null,
            address_two_additional: null,
            city: person.city,
            zipcode: person.postalCode,
            country: person.cc,
            phone_number: rng.chance(0.7) ? person.phone : null,
            delivery_note: rng.chance(0.2) ? "Bij geen gehoor bij de buren afgeven." : null,
          }
        : ownAddress(company),
      lines,
      steps,
    };
  }
}

type Path = ReadonlyArray<readonly [OrderStatus, number, number]>;

/** Status paths, with the time each step takes (min and max, in ms) before the next. */
const DELIVERED: Path = [
  ["pending", 5 * MINUTE, 90 * MINUTE],
  ["processing", 30 * MINUTE, 6 * HOUR],
  ["in-m3", 4 * HOUR, 2 * DAY],
  ["shipped", DAY, 5 * DAY],
  ["complete", 0, 0],
];
const CANCELED: Path = [
  ["pending", 5 * MINUTE, 90 * MINUTE],
  ["processing", HOUR, 2 * DAY],
  ["canceled", 0, 0],
];
const REJECTED: Path = [
  ["pending", MINUTE, 30 * MINUTE],
  ["error", 0, 0],
];
const STUCK_IN_M3: Path = [
  ["pending", 5 * MINUTE, 90 * MINUTE],
  ["processing", 30 * MINUTE, 6 * HOUR],
  ["in-m3", 10 * MINUTE, 2 * HOUR],
  ["m3-error", 0, 0],
];

function pathTo(target: OrderStatus): Path {
  switch (target) {
    case "canceled":
      return CANCELED;
    case "error":
      return REJECTED;
    case "m3-error":
      return STUCK_IN_M3;
    default:
      return DELIVERED;
  }
}

/**
 * Steps for a history order whose status at `start` is `target`. Finished
 * orders ended between an hour and a year ago; unfinished ones reached their
 * status a while ago and move on at a business pace (hours to days) from now.
 */
function historySchedule(target: OrderStatus, start: number, rng: Rng): Step[] {
  const path = pathTo(target);
  const durations = path.map(([, min, max]) => min + rng.next() * (max - min));
  const targetIndex = path.findIndex(([status]) => status === target);
  const finished = targetIndex === path.length - 1;
  // Time of the target step, relative to start.
  const anchor = finished
    ? -(HOUR + rng.next() ** 2 * 365 * DAY)
    : -(0.2 + rng.next() * 0.6) * (durations[targetIndex] ?? 0);
  let at = start + anchor;
  for (let k = targetIndex - 1; k >= 0; k--) at -= durations[k] ?? 0;
  return path.map(([status], k) => {
    const step = { status, at: Math.floor(at / 1000) * 1000 };
    at += durations[k] ?? 0;
    return step;
  });
}
