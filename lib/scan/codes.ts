import { looksLikeBarcode } from "@/lib/catalogue/search-terms";

/** Trims the read; spaces and dashes between digits (a typed "87 12345 67890 6") are dropped. */
export function normaliseCode(raw: string): string {
  const trimmed = raw.trim();
  const compact = trimmed.replace(/[\s-]+/g, "");
  return /^\d+$/.test(compact) ? compact : trimmed;
}

/** The GS1 check digit of the digits before it (EAN-8, UPC-A, EAN-13, GTIN-14 alike). */
export function gs1CheckDigit(payload: string): number {
  let sum = 0;
  for (let index = 0; index < payload.length; index++) {
    const digit = payload.charCodeAt(payload.length - 1 - index) - 48;
    sum += digit * (index % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

/** A GS1 number (8, 12, 13 or 14 digits) whose last digit checks out. */
export function hasValidCheckDigit(code: string): boolean {
  if (!looksLikeBarcode(code)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/**
 * The barcode values under which the catalogue may hold a read: the code
 * itself, and for a UPC-A (12 digits) its EAN-13 form with a leading zero, or
 * the other way round.
 */
export function barcodeCandidates(code: string): string[] {
  if (!looksLikeBarcode(code)) return [];
  if (code.length === 12) return [code, `0${code}`];
  if (code.length === 13 && code.startsWith("0")) return [code, code.slice(1)];
  return [code];
}

/** A Code 128 may carry a SKU rather than a GTIN. */
export function couldBeSku(code: string): boolean {
  return /^[A-Za-z0-9._-]{1,64}$/.test(code);
}
