/**
 * The drop-ship address's fields, countries and postcode forms: what the checkout form and the
 * address book show and the checkout's schema (schema.ts) checks. Without zod, so that a page that
 * only shows these fields (the address book's form) carries no validation library to the browser.
 */

export const COUNTRIES = ["NL", "BE", "DE"] as const;
export type Country = (typeof COUNTRIES)[number];

/** The drop-ship address's fields: checked at checkout, and kept as they are in the address book. */
export const ADDRESS_FIELDS = [
  "firstName",
  "lastName",
  "company",
  "vatNumber",
  "phone",
  "street",
  "houseNumber",
  "houseNumberExtension",
  "postcode",
  "city",
  "country",
] as const;

const POSTCODES: Record<Country, RegExp> = {
  NL: /^[1-9]\d{3}\s?[A-Za-z]{2}$/,
  BE: /^[1-9]\d{3}$/,
  DE: /^\d{5}$/,
};

/** A postcode in the form the wholesaler expects: NL "1234AB", BE "1000", DE "10115". */
export function normalisePostcode(country: Country, postcode: string): string {
  const trimmed = postcode.trim().toUpperCase();
  return country === "NL" ? trimmed.replace(/\s+/g, "") : trimmed;
}

export function isValidPostcode(country: Country, postcode: string): boolean {
  return POSTCODES[country].test(postcode.trim());
}

/** The drop-ship fields of a checkout form that has none filled in yet. */
export const EMPTY_DROPSHIP = {
  firstName: "",
  lastName: "",
  company: "",
  vatNumber: "",
  phone: "",
  street: "",
  houseNumber: "",
  houseNumberExtension: "",
  postcode: "",
  city: "",
  country: "NL" as Country,
  deliveryNote: "",
};
