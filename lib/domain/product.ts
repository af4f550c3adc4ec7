import type { Media } from "./media";

export type StockColour = "green" | "red";

/** One volume tier of the list price: from `minQuantity` price units on. */
export interface PriceTier {
  minQuantity: number;
  exVat: number;
  incVat: number;
  vatAmount: number;
  /** VAT rate in percent, derived from the amounts (21 or 9 in the Netherlands). */
  vatRate: number;
  priceOnDemand: boolean;
}

export interface ProductAttribute {
  code: string;
  title: string;
  description: string | null;
}

export interface ProductCategoryRef {
  code: string;
  title: string;
  pathCodes: string[];
}

export interface Product {
  sku: string;
  ocsid: string | null;
  vendorItemNo: string | null;
  /** As the upstream gives it; may be missing. Use `productDisplayName` to show one. */
  title: string | null;
  description: string | null;
  expiring: boolean;
  lastModified: Date | null;
  updateCount: number;
  blocked: boolean;
  blister: boolean;
  consumer: boolean;
  barcode: { value: string; type: string; image: Media | null } | null;
  stockColour: StockColour | null;
  dropshipable: boolean;
  isBigParcel: boolean;
  customs: { code: string | null; label: string | null; origin: string | null } | null;
  categories: ProductCategoryRef[];
  prices: PriceTier[];
  /** The unit prices are given in, e.g. STUKS. */
  priceUnit: string;
  /** The unit the product is sold in, e.g. DOOS; it holds `salesUnitAmount` price units. */
  salesUnit: string;
  salesUnitAmount: number;
  files: Media[];
  attributes: ProductAttribute[];
  media: Media[];
}

/** What a dealer sees as a product's name: its title, else vendor item number, else SKU. */
export function productDisplayName(product: Pick<Product, "title" | "vendorItemNo" | "sku">): string {
  const title = product.title?.trim();
  if (title) return title;
  const vendorItemNo = product.vendorItemNo?.trim();
  return vendorItemNo ? `${vendorItemNo} (${product.sku})` : product.sku;
}

/** An entry of the upstream's SKU list: enough to know what changed. */
export interface ProductListEntry {
  sku: string;
  lastModified: Date | null;
  updateCount: number;
}
