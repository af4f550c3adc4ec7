import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { isOrderable } from "@/lib/catalogue/orderable";
import { findByCode, orderableFacts } from "@/lib/catalogue/show-product";
import { showsPricesIncVat } from "@/lib/catalogue/vat-preference";
import { productDisplayName, type StockColour } from "@/lib/domain/product";
import { isFavourite } from "@/lib/favourites/favourite-skus";

import { barcodeCandidates, hasValidCheckDigit } from "./codes";

/** What the scan page shows of a product it found. */
export interface ScannedProduct {
  sku: string;
  name: string;
  barcode: string | null;
  /** First-tier list price per price unit, in the dealer's VAT choice; null on request or unknown. */
  price: number | null;
  incVat: boolean;
  priceOnDemand: boolean;
  priceUnit: string;
  salesUnit: string;
  salesUnitAmount: number;
  stockColour: StockColour | null;
  blocked: boolean;
  /** The catalogue's orderable rule: the cart takes it. */
  orderable: boolean;
  /** Among the customer's favourites (the star). */
  favourite: boolean;
}

export type ScanLookupResult =
  | { ok: true; code: string; product: ScannedProduct }
  | { ok: false; code: string; error: "invalid" | "unknown" | "failed"; checkDigitWrong?: boolean };

/**
 * A scanned or typed code (already validated by scannedCodeSchema): the product of its barcode,
 * the mirror first and then the wholesaler's barcode endpoint, else the product whose SKU a Code 128
 * carries. Needs no listing permission: one product by its code, as the upstream gives anyone.
 */
export async function scanCode(session: SessionToken, code: string): Promise<ScanLookupResult> {
  const found = await findByCode(session, code);
  if (!found) {
    const checkDigitWrong = /^\d+$/.test(code) && barcodeCandidates(code).length > 0 && !hasValidCheckDigit(code);
    return { ok: false, code, error: "unknown", checkDigitWrong };
  }
  if (found.source === "unreachable") return { ok: false, code, error: "failed" };
  const { product } = found;
  const incVat = await showsPricesIncVat();
  const tier = [...product.prices].sort((a, b) => a.minQuantity - b.minQuantity)[0];
  const priceOnDemand = product.prices.some((item) => item.priceOnDemand);
  return {
    ok: true,
    code,
    product: {
      sku: product.sku,
      name: productDisplayName(product),
      barcode: product.barcode?.value ?? null,
      price: priceOnDemand || !tier ? null : incVat ? tier.incVat : tier.exVat,
      incVat,
      priceOnDemand,
      priceUnit: product.priceUnit,
      salesUnit: product.salesUnit,
      salesUnitAmount: product.salesUnitAmount,
      stockColour: product.stockColour,
      blocked: product.blocked,
      orderable: isOrderable(orderableFacts(found)),
      favourite: await isFavourite(session, product.sku),
    },
  };
}
