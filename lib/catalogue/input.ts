import { z } from "zod";

import { cleanQuery } from "./search-terms";

/**
 * What the catalogue's front doors accept from a URL or a form. Text a person could not have
 * typed (NUL and other control characters, lone UTF-16 surrogates) is refused rather than passed
 * on to the database, which would fail on it; a path segment that is not valid percent-encoding
 * names nothing.
 */

/** Control characters other than tab, line feed and carriage return, and lone surrogates. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDFFF]/u;

export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** A decoded path segment, or null when its percent-encoding is malformed or it decodes to unsafe text. */
export function decodeSegment(raw: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return isSafeText(decoded) ? decoded : null;
}

/** Search words as typed: at most 200 characters once white space is collapsed, nothing unsafe. */
export const searchQuerySchema = z
  .string()
  .max(2_000)
  .refine(isSafeText, "unsafe")
  .transform((value) => cleanQuery(value));

export type SearchParams = Record<string, string | string[] | undefined>;

/** The one `q` of a page's query string ("" when absent or repeated oddly). */
export function queryParam(params: SearchParams, name = "q"): string {
  const value = params[name];
  return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? "") : "";
}
