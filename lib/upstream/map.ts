import type { Category } from "@/lib/domain/category";
import type { Company } from "@/lib/domain/company";
import type { Media } from "@/lib/domain/media";
import {
  normaliseOrderStatus,
  type CreatedOrder,
  type DeliveryAddress,
  type Order,
  type OrderId,
  type OrderStatusReport,
} from "@/lib/domain/order";
import type { PriceTier, Product, ProductCategoryRef, ProductListEntry, StockColour } from "@/lib/domain/product";
import type { UpstreamUser } from "@/lib/domain/user";

import { mediaUrl } from "./endpoints";
import { phpDateToInstant } from "./php-date";
import * as wire from "./wire";
import type { z } from "zod";

/** Maps the upstream's wire shapes to the portal's own. Pages never see wire JSON. */

const splitList = (value: string | null | undefined): string[] =>
  (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

const dateOrNull = (value: wire.WirePhpDate | null | undefined): Date | null =>
  value ? phpDateToInstant(value) : null;

export function mapMedia(mediaBase: string, item: wire.WireMedia, index = 0): Media {
  return {
    sequence: item.sequence ?? index + 1,
    type: item.type ?? "image",
    primary: item.primary ?? index === 0,
    hash: item.hash,
    mimeType: item.mimetype ?? "application/octet-stream",
    ext: item.ext,
    size: item.size ?? null,
    url: mediaUrl(mediaBase, item),
  };
}

function mapMediaList(mediaBase: string, list: wire.WireMedia[] | null | undefined): Media[] {
  return (list ?? []).map((item, index) => mapMedia(mediaBase, item, index)).sort((a, b) => a.sequence - b.sequence);
}

export function mapCompany(value: wire.WireCompany): Company {
  const address = value.address;
  return {
    code: value.code,
    name: value.name,
    address: address
      ? {
          street: address.street ?? "",
          number: address.number ?? "",
          numberSuffix: address.number_suffix,
          postalCode: address.postal_code ?? "",
          city: address.city ?? "",
          countryCode: (address.cc ?? address.country ?? "").toUpperCase(),
          country: address.country ?? address.cc ?? "",
          shippingEmail: address.email_shipping,
          isDefault: address.default ?? false,
        }
      : null,
  };
}

type WireCategory = z.infer<typeof wire.category>;

function isCategoryLike(value: unknown): value is WireCategory {
  return Boolean(value && typeof value === "object" && "code" in value && "id" in value);
}

/**
 * A category and its subtree. Children are parsed one by one: a child the
 * schema refuses is left out (and reported to `onBadChild`), the reference's
 * empty placeholders (`children: [{}]`) are dropped silently.
 */
export function mapCategory(
  mediaBase: string,
  value: WireCategory,
  onBadChild?: (raw: unknown, error: unknown) => void,
): Category {
  const pathCodes = splitList(value.path_new);
  const code = String(value.code);
  return {
    id: String(value.id),
    code,
    title: value.title?.trim() || code,
    level: value.level ?? Math.max(1, pathCodes.length),
    pathIds: splitList(value.path),
    pathCodes: pathCodes.length ? pathCodes : [code],
    isGroup: value.is_group ?? false,
    media: mapMediaList(mediaBase, value.media),
    children: (value.children ?? []).filter(isCategoryLike).flatMap((raw) => {
      const child = wire.category.safeParse(raw);
      if (!child.success) {
        onBadChild?.(raw, child.error);
        return [];
      }
      try {
        return [mapCategory(mediaBase, child.data, onBadChild)];
      } catch (error) {
        onBadChild?.(raw, error);
        return [];
      }
    }),
  };
}

function vatRateOf(tier: { exvat?: number | null; vatamount?: number | null; incvat?: number | null }): number {
  const ex = tier.exvat ?? 0;
  if (!ex) return 0;
  const vat = tier.vatamount ?? (tier.incvat ?? ex) - ex;
  return Math.round((vat / ex) * 100);
}

function mapPrices(prices: wire.WireProduct["prices"]): PriceTier[] {
  return (prices ?? [])
    .map((tier) => ({
      minQuantity: Math.max(1, tier.minqty ?? 1),
      exVat: tier.exvat ?? 0,
      incVat: tier.incvat ?? tier.exvat ?? 0,
      vatAmount: tier.vatamount ?? (tier.incvat ?? 0) - (tier.exvat ?? 0),
      vatRate: vatRateOf(tier),
      priceOnDemand: tier.priceOnDemand ?? false,
    }))
    .sort((a, b) => a.minQuantity - b.minQuantity);
}

function mapStockColour(value: wire.WireProduct): StockColour | null {
  const colour = value.stock_colour?.trim().toLowerCase();
  if (colour === "green" || colour === "red") return colour;
  if (typeof value.stock === "number") return value.stock > 0 ? "green" : "red";
  // Numbers as strings ("2", "0") are numeric stock too.
  if (value.stock && /^\s*-?\d+(\.\d+)?\s*$/.test(value.stock)) return Number(value.stock) > 0 ? "green" : "red";
  const stock = value.stock?.trim().toLowerCase();
  if (stock === "in_stock") return "green";
  if (stock === "out_of_stock") return "red";
  return null;
}

function mapProductCategories(value: wire.WireProduct): ProductCategoryRef[] {
  const byRoot = value["categories-b2b"];
  if (!byRoot || Array.isArray(byRoot)) return [];
  const refs: ProductCategoryRef[] = [];
  for (const list of Object.values(byRoot)) {
    for (const item of list) {
      const code = String(item.code);
      const pathCodes = splitList(item.path_new);
      refs.push({ code, title: item.title?.trim() || code, pathCodes: pathCodes.length ? pathCodes : [code] });
    }
  }
  return refs;
}

export function mapProduct(mediaBase: string, value: wire.WireProduct): Product {
  const barcodeValue = value.barcode?.value?.trim();
  return {
    sku: value.sku,
    ocsid: value.ocsid,
    vendorItemNo: value.vendor_item_no,
    title: value.title?.trim() || null,
    description: value.description?.trim() || null,
    expiring: value.expiring ?? false,
    lastModified: dateOrNull(value.last_modified),
    updateCount: value.update_count ?? 0,
    blocked: value.blocked ?? false,
    blister: value.blister ?? false,
    consumer: value.consumer ?? false,
    barcode: barcodeValue
      ? {
          value: barcodeValue,
          type: value.barcode?.type ?? "EAN13",
          image: value.barcode?.image ? mapMedia(mediaBase, value.barcode.image) : null,
        }
      : null,
    stockColour: mapStockColour(value),
    dropshipable: value.dropshipment?.dropshipable ?? false,
    isBigParcel: value.dropshipment?.is_big_parcel ?? false,
    customs: value.customs
      ? { code: value.customs.code, label: value.customs.label, origin: value.customs.origin }
      : null,
    categories: mapProductCategories(value),
    prices: mapPrices(value.prices),
    priceUnit: value.price_unit?.trim() || "STUKS",
    salesUnit: value.sales_unit?.trim() || value.price_unit?.trim() || "STUKS",
    salesUnitAmount: Math.max(1, Math.round(value.sales_unit_amount ?? 1)),
    files: mapMediaList(mediaBase, value.files),
    attributes: (value.attributes ?? []).map((attribute) => ({
      code: attribute.code_new ?? attribute.code ?? "",
      title: attribute.title ?? attribute.code ?? "",
      description: attribute.description,
    })),
    media: mapMediaList(mediaBase, value.media),
  };
}

export function mapProductListEntry(value: z.infer<typeof wire.productListEntry>): ProductListEntry {
  return { sku: value.sku, lastModified: dateOrNull(value.last_modified), updateCount: value.update_count ?? 0 };
}

function mapAddress(value: z.infer<typeof wire.order>["shippingAddress"]): DeliveryAddress | null {
  if (!value) return null;
  return {
    firstName: value.first_name,
    lastName: value.last_name,
    street: value.address_one_street,
    number: value.address_one_number,
    addition: value.address_one_additional,
    street2: value.address_two_street,
    number2: value.address_two_number,
    addition2: value.address_two_additional,
    city: value.city,
    postcode: value.zipcode,
    country: value.country,
    phone: value.phone_number,
    deliveryNote: value.delivery_note,
  };
}

/** The upstream's order id as the portal's opaque id: a number becomes its decimal text. */
export function orderIdOf(id: number | string): OrderId {
  return typeof id === "number" ? String(id) : id.trim();
}

export function mapOrder(value: wire.WireOrder): Order {
  return {
    id: orderIdOf(value.id),
    updatedAt: dateOrNull(value.updated_at),
    status: normaliseOrderStatus(value.status),
    statusRaw: value.status,
    creatorName: value.creator_name,
    customer: value.customer ? mapCompany(value.customer) : null,
    dropship: value.dropship ?? false,
    vatNumber: value.vat,
    companyName: value.company,
    reference: value.reference,
    notes: value.notes,
    test: value.test ?? false,
    billingAddress: mapAddress(value.BillingAddress),
    shippingAddress: mapAddress(value.shippingAddress),
    lines: (value.products ?? []).map((line) => ({
      title: line.title?.trim() || null,
      barcode: line.barcode,
      sku: line.product_sku,
      salesUnit: line.sales_unit,
      priceUnit: line.price_unit,
      salesUnitAmount: Math.max(1, Math.round(line.sales_unit_amount ?? 1)),
      quantity: line.quantity,
      listPrice: line.price ?? null,
      discount: line.discount ?? null,
      reference: line.reference,
      customerPrice: line.customer_price ?? null,
      soldPrice: line.sold_price ?? null,
      vatRate: line.tax ?? null,
    })),
    shipments: (value.shipments ?? []).map((item) => ({
      createdAt: dateOrNull(item.created_at),
      shipmentId: String(item.shipment_id),
      courier: item.courier,
      pieceNumber: item.piece_number ?? null,
      trackerCode: item.tracker_code,
    })),
  };
}

export function mapCreatedOrder(value: z.infer<typeof wire.createdOrder>): CreatedOrder {
  return {
    id: orderIdOf(value.data.id),
    status: normaliseOrderStatus(value.data.status),
    createdAt: dateOrNull(value.data.created_at),
  };
}

export function mapOrderStatus(status: string, updatedAt: string | null | undefined): OrderStatusReport {
  const instant = updatedAt ? new Date(updatedAt) : null;
  return {
    status: normaliseOrderStatus(status),
    statusRaw: status,
    updatedAt: instant && !Number.isNaN(instant.getTime()) ? instant : null,
  };
}

/** One entry of a colour stock list: `green` or `red` (any casing), else null (not a stock value). */
export function stockColourOf(value: unknown): StockColour | null {
  if (typeof value !== "string") return null;
  const colour = value.trim().toLowerCase();
  return colour === "green" || colour === "red" ? colour : null;
}

/** One entry of a numeric stock list (a number, or its text): above 0 is in stock; else null. */
export function stockNumberOf(value: unknown): StockColour | null {
  const parsed = wire.stockNumber.safeParse(value);
  if (!parsed.success) return null;
  return parsed.data > 0 ? "green" : "red";
}

/** Flat or nested stock lists to one map of SKU to "in stock". Any number above 0 is in stock. */
export function mapStockColours(value: z.infer<typeof wire.stockColours>): Map<string, StockColour> {
  const result = new Map<string, StockColour>();
  const entries = Array.isArray(value) ? value.flatMap((item) => Object.entries(item)) : Object.entries(value);
  for (const [sku, colour] of entries) {
    const normalised = colour.trim().toLowerCase();
    if (normalised === "green" || normalised === "red") result.set(sku, normalised);
  }
  return result;
}

export function mapStockNumbers(value: z.infer<typeof wire.stockNumbers>): Map<string, StockColour> {
  const result = new Map<string, StockColour>();
  const entries = Array.isArray(value) ? value.flatMap((item) => Object.entries(item)) : Object.entries(value);
  for (const [sku, amount] of entries) result.set(sku, amount > 0 ? "green" : "red");
  return result;
}

export function mapUser(value: z.infer<typeof wire.me>): UpstreamUser {
  return {
    name: value.name,
    email: value.email,
    customerCode: value.customer_code,
    permissions: value.permissions ?? [],
    features: value.features ?? [],
  };
}
