import * as z from "zod/mini";

import { isCleanLine, isCleanText } from "@/lib/cart/safe-text";

import { COUNTRIES, isValidPostcode } from "./delivery-address";
import { REFERENCE_MAX } from "./limits";

/**
 * The checkout form, shared by the form (react-hook-form's zodResolver, loaded when
 * the form is first used: components/checkout/details-resolver.ts) and the server
 * action. Messages are keys of the "checkout.errors" catalogue. zod's mini build,
 * which the browser runs: about 17 kB (gzip) there against the full build's 30
 * (bench/issue-19-experiments.md).
 */

export const ATTEMPT_ID = /^[A-Z0-9]{12}$/;

// NUL, other control characters and broken UTF-16 cannot be stored or sent: said per field, like a
// length, never a server error. Only free text (notes) may hold line breaks and tabs.
const optionalText = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max, "tooLong"), z.refine(isCleanLine, "invalidCharacters"));
const requiredText = (max: number, tooLong = "tooLong") =>
  z
    .string()
    .check(z.trim(), z.minLength(1, "required"), z.maxLength(max, tooLong), z.refine(isCleanLine, "invalidCharacters"));
const freeText = (max: number) =>
  z.string().check(z.trim(), z.maxLength(max, "tooLong"), z.refine(isCleanText, "invalidCharacters"));

export const checkoutSchema = z
  .object({
    attemptId: z.string().check(z.regex(ATTEMPT_ID, "invalid")),
    // A pasted reference is kept whole and said too long, never cut (issue 17).
    reference: requiredText(REFERENCE_MAX, "referenceTooLong"),
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
    saveAddress: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((value, context) => {
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
    }),
  );

export type CheckoutInput = z.infer<typeof checkoutSchema>;
export type CheckoutField = keyof CheckoutInput;
