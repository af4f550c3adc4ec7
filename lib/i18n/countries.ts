/**
 * Countries as the upstream writes them and as a reader's language names them. The upstream sends a
 * country as a two-letter code (a product's origin, an order's delivery address, a customer's address)
 * and sometimes as a name ("Nederland", "Germany"); pages show the country's name in the reader's
 * language, and what is neither a known code nor a known name as it was sent.
 */

const COUNTRY_NAMES: Record<string, string> = {
  nederland: "NL",
  netherlands: "NL",
  thenetherlands: "NL",
  holland: "NL",
  belgie: "BE",
  belgium: "BE",
  belgique: "BE",
  duitsland: "DE",
  germany: "DE",
  deutschland: "DE",
  frankrijk: "FR",
  france: "FR",
  luxemburg: "LU",
  luxembourg: "LU",
};

/** A two-letter country code from a code or a common country name; null when not recognised. */
export function countryCode(country: string | null | undefined): string | null {
  const value = (country ?? "").trim();
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  const key = value
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
  return COUNTRY_NAMES[key] ?? null;
}

/** One formatter per language: making one costs far more than asking it. */
const regionNames = new Map<string, Intl.DisplayNames>();

/**
 * The country's name in `locale` ("NL" → "Nederland" in Dutch, "Netherlands" in English; "Duitsland"
 * → "Germany" in English); a value that names no country it knows is returned as sent, trimmed.
 */
export function countryName(country: string | null | undefined, locale: string): string {
  const value = (country ?? "").trim();
  const code = countryCode(value);
  if (!code) return value;
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
    regionNames.set(locale, names);
  }
  let name: string | undefined;
  try {
    name = names.of(code);
  } catch {
    // A code Intl refuses as malformed: shown as sent.
  }
  return name ?? value;
}
