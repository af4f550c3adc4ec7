import { z } from "zod";

import { isCleanLine, isCleanText } from "@/lib/cart/safe-text";

/**
 * The checkout form, shared by the form (react-hook-form's zodResolver) and the
 * server action. Messages are keys of the "checkout.errors" catalogue.
 */

export const COUNTRIES = ["NL", "BE", "DE"] as const;

/** The drop-ship address's fields: checked here at checkout, and kept as they are in the address book. */
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
export type Country = (typeof COUNTRIES)[number];

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

export const ATTEMPT_ID = /^[A-Z0-9]{12}$/;

// NUL, other control characters and broken UTF-16 cannot be stored or sent: said per field, like a
// length, never a server error. Only free text (notes) may hold line breaks and tabs.
const optionalText = (max: number) => z.string().trim().max(max, "tooLong").refine(isCleanLine, "invalidCharacters");
const requiredText = (max: number, tooLong = "tooLong") =>
  z.string().trim().min(1, "required").max(max, tooLong).refine(isCleanLine, "invalidCharacters");
const freeText = (max: number) => z.string().trim().max(max, "tooLong").refine(isCleanText, "invalidCharacters");

export const checkoutSchema = z
  .object({
    attemptId: z.string().regex(ATTEMPT_ID, "invalid"),
    // A pasted reference is kept whole and said too long, never cut (issue 17).
    reference: requiredText(50, "referenceTooLong"),
    notes: freeText(1000),
    test: z.boolean(),
    delivery: z.enum(["own", "dropship"]),
    firstName: optionalText(100),
    lastName: optionalText(100),
    company: optionalText(100),
    vatNumber: optionalText(20),
    phone: optionalText(30),
    street: optionalText(100),
    houseNumber: optionalText(10),
    houseNumberExtension: optionalText(10),
    postcode: optionalText(10),
    city: optionalText(100),
    country: z.enum(COUNTRIES),
    deliveryNote: freeText(500),
    /** Keep the drop-ship address in the customer's address book once the order is placed (lib/address-book). */
    saveAddress: z.boolean().optional(),
  })
  .superRefine((value, context) => {
    if (value.delivery !== "dropship") return;
    const required = ["firstName", "lastName", "street", "houseNumber", "postcode", "city", "phone"] as const;
    for (const field of required) {
      if (!value[field]) context.addIssue({ code: "custom", path: [field], message: "required" });
    }
    if (value.postcode && !isValidPostcode(value.country, value.postcode)) {
      context.addIssue({ code: "custom", path: ["postcode"], message: `postcode${value.country}` });
    }
    if (value.houseNumber && !/^\d+[A-Za-z]?$/.test(value.houseNumber)) {
      context.addIssue({ code: "custom", path: ["houseNumber"], message: "houseNumber" });
    }
    if (value.phone && !/^\+?[\d\s()-]{6,30}$/.test(value.phone)) {
      context.addIssue({ code: "custom", path: ["phone"], message: "phone" });
    }
    if (value.vatNumber && !/^[A-Za-z]{2}[A-Za-z0-9]{2,13}$/.test(value.vatNumber.replace(/[\s.]/g, ""))) {
      context.addIssue({ code: "custom", path: ["vatNumber"], message: "vatNumber" });
    }
  });

export type CheckoutInput = z.infer<typeof checkoutSchema>;
export type CheckoutField = keyof CheckoutInput;

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
