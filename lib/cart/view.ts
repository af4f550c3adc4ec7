import { orderability } from "@/lib/catalogue/orderable";
import type { ProductRow } from "@/lib/db/schema";
import type { Media } from "@/lib/domain/media";
import type { PriceTier, StockColour } from "@/lib/domain/product";
import { productDisplayName } from "@/lib/domain/product";

import { nextTier, priceLine, vatTotals, type VatTotals } from "./pricing";
import { isValidQuantity } from "./quantity";
import type { StoredLine } from "./store";

/** Why a line cannot be sent, or what the dealer should know about it. */
export type LineIssue = "blocked" | "vanished" | "out-of-stock" | "price-on-demand" | "quantity";

export interface CartLineView {
  sku: string;
  quantity: number;
  title: string;
  image: Media | null;
  salesUnit: string;
  salesUnitAmount: number;
  priceUnit: string;
  stockColour: StockColour | null;
  dropshipable: boolean;
  isBigParcel: boolean;
  tier: PriceTier | null;
  nextTier: { minQuantity: number; exVat: number; missing: number } | null;
  unitExVat: number | null;
  totalExVat: number | null;
  totalIncVat: number | null;
  vatRate: number | null;
  issues: LineIssue[];
  /** Lines with these issues stop the order: blocked, vanished, invalid quantity. */
  blocking: boolean;
}

export interface CartView {
  lines: CartLineView[];
  totals: VatTotals;
  canCheckout: boolean;
  allDropshipable: boolean;
  hasBigParcels: boolean;
}

const BLOCKING: LineIssue[] = ["blocked", "vanished", "quantity"];

/** The cart checked against the mirror: prices at each quantity, flags, totals per VAT rate. */
export function buildCartView(stored: StoredLine[], productsBySku: Map<string, ProductRow>): CartView {
  const lines = stored.map((line): CartLineView => {
    const product = productsBySku.get(line.sku);
    const issues: LineIssue[] = [];
    const orderable = orderability(product);
    if (orderable === "unknown" || orderable === "unavailable") issues.push("vanished");
    if (orderable === "blocked") issues.push("blocked");
    if (product && product.stockColour === "red") issues.push("out-of-stock");
    if (product?.priceOnDemand) issues.push("price-on-demand");
    if (product && !isValidQuantity(line.quantity, product.salesUnitAmount)) issues.push("quantity");
    const prices = product?.prices ?? [];
    const price = priceLine({ quantity: line.quantity, prices, priceOnDemand: product?.priceOnDemand ?? false });
    const next = product && !product.priceOnDemand ? nextTier(prices, line.quantity) : null;
    const image = product ? (product.media.find((item) => item.primary) ?? product.media[0] ?? null) : null;
    return {
      sku: line.sku,
      quantity: line.quantity,
      title: product ? productDisplayName(product) : line.sku,
      image,
      salesUnit: product?.salesUnit ?? "",
      salesUnitAmount: product?.salesUnitAmount ?? 1,
      priceUnit: product?.priceUnit ?? "",
      stockColour: product?.stockColour === "green" || product?.stockColour === "red" ? product.stockColour : null,
      dropshipable: product?.dropshipable ?? false,
      isBigParcel: product?.isBigParcel ?? false,
      tier: price.tier,
      nextTier: next ? { minQuantity: next.tier.minQuantity, exVat: next.tier.exVat, missing: next.missing } : null,
      unitExVat: price.unitExVat,
      totalExVat: price.totalExVat,
      totalIncVat: price.totalIncVat,
      vatRate: price.vatRate,
      issues,
      blocking: issues.some((issue) => BLOCKING.includes(issue)),
    };
  });
  return {
    lines,
    totals: vatTotals(lines),
    canCheckout: lines.length > 0 && lines.every((line) => !line.blocking),
    allDropshipable: lines.length > 0 && lines.every((line) => line.dropshipable),
    hasBigParcels: lines.some((line) => line.isBigParcel),
  };
}
