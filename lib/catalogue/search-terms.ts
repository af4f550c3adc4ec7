/** Turning what a dealer typed into safe search terms. */

const MAX_QUERY = 200;

/** The words of a query: letters and digits only, at most 8 of them. */
export function searchWords(query: string): string[] {
  return (
    query
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 8);
}

/**
 * A tsquery that matches every word (`&`) or any word (`|`) as a prefix ("kookpl 2" finds
 * "kookplaat 2-pits"), except the words `whole` says need no prefix.
 */
export function prefixTsQuery(
  words: string[],
  operator: "&" | "|" = "&",
  whole: (word: string) => boolean = () => false,
): string | null {
  if (!words.length) return null;
  return words.map((word) => (whole(word) ? word : `${word}:*`)).join(` ${operator} `);
}

/** Trimmed, bounded query text; empty when nothing searchable is left. */
export function cleanQuery(query: string | null | undefined): string {
  return (query ?? "").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY);
}

/** Escapes LIKE wildcards so a typed `%` or `_` matches itself. */
export function likePrefix(value: string): string {
  return `${value.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** Valid EAN-13 (check digit right): such a query opens the product directly. */
export function isEan13(value: string): boolean {
  if (!/^\d{13}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 12).reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/** Any barcode a scanner may type: EAN-8, UPC-A, EAN-13, GTIN-14. */
export function looksLikeBarcode(value: string): boolean {
  return /^\d{8}$|^\d{12,14}$/.test(value);
}
