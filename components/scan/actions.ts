"use server";

import { unstable_rethrow } from "next/navigation";
import { z } from "zod";

import { requireSession } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { lookupProduct, type ProductLookup } from "@/lib/catalogue/product-lookup";
import { showsPricesIncVat } from "@/lib/catalogue/vat-preference";
import { productDisplayName, type StockColour } from "@/lib/domain/product";
import { barcodeCandidates, couldBeSku, hasValidCheckDigit, scannedCodeSchema } from "@/lib/scan/codes";

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
  /** In the portal's catalogue and not withdrawn: the cart takes it. */
  orderable: boolean;
}

export type ScanLookupResult =
  | { ok: true; code: string; product: ScannedProduct }
  | { ok: false; code: string; error: "invalid" | "unknown" | "failed"; checkDigitWrong?: boolean };

const input = z.object({ code: scannedCodeSchema });

async function find(session: SessionToken, code: string): Promise<ProductLookup> {
  for (const barcode of barcodeCandidates(code)) {
    const found = await lookupProduct(session, { barcode });
    if (found) return found;
  }
  // A Code 128 may carry the SKU itself.
  return couldBeSku(code) ? lookupProduct(session, { sku: code }) : null;
}

/** The typed text to say back in an error, bounded. */
function echoOf(raw: unknown): string {
  return raw && typeof raw === "object" && "code" in raw && typeof raw.code === "string"
    ? raw.code.trim().slice(0, 64)
    : "";
}

/**
 * Looks up a scanned or typed barcode for the signed-in dealer: the catalogue
 * mirror first, then the upstream's barcode endpoint (lookupProduct).
 */
export async function lookupScannedCode(raw: unknown): Promise<ScanLookupResult> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, code: echoOf(raw), error: "invalid" };
  const { code } = parsed.data;
  const session = await requireSession();
  let found: ProductLookup;
  try {
    found = await find(session, code);
  } catch (error) {
    unstable_rethrow(error);
    console.warn(`scan lookup of ${code} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { ok: false, code, error: "failed" };
  }
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
      orderable: found.source === "mirror" && found.row.available && !product.blocked,
    },
  };
}
