import type { Media } from "@/lib/domain/media";
import type { StockColour } from "@/lib/domain/product";

/** A product as lists show it: cards, search results, suggestions. */
export interface ProductSummary {
  sku: string;
  title: string | null;
  vendorItemNo: string | null;
  barcode: string | null;
  image: Media | null;
  /** First-tier list price per price unit, excluding and including VAT; null when on demand or unknown. */
  priceExVat: number | null;
  priceIncVat: number | null;
  vatRate: number | null;
  priceOnDemand: boolean;
  priceUnit: string;
  salesUnit: string;
  salesUnitAmount: number;
  stockColour: StockColour | null;
  blocked: boolean;
  dropshipable: boolean;
  available: boolean;
}

export const PRODUCT_SORTS = ["relevance", "title", "sku", "price-asc", "price-desc"] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

export interface ProductFilters {
  inStockOnly: boolean;
  dropshipableOnly: boolean;
}

export interface ProductPage {
  items: ProductSummary[];
  /** Matches counted, at most COUNT_LIMIT. */
  total: number;
  /** True when there are more matches than were counted. */
  totalIsLowerBound: boolean;
  page: number;
  pageCount: number;
}

export const PAGE_SIZE = 24;

/** A category with its sub-categories, as the catalogue's tree shows them. */
export interface CategoryNode {
  code: string;
  title: string;
  level: number;
  pathCodes: string[];
  media: Media[];
  children: CategoryNode[];
}
