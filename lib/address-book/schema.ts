import { z } from "zod";

import { ADDRESS_FIELDS, COUNTRIES, normalisePostcode } from "@/lib/checkout/delivery-address";
import { checkoutSchema } from "@/lib/checkout/schema";

import type { AddressErrors, AddressField, DeliveryAddress } from "./fields";

/**
 * A drop-ship address of the address book: exactly the checkout's drop-ship fields, validated by
 * the checkout's own schema (lib/checkout/schema.ts: required fields, lengths, postcode per
 * country, house number, phone, VAT number), so that a saved address is always one checkout takes.
 * Messages are keys of the "checkout.errors" catalogue, as at checkout.
 */

/** The raw fields as a form or an action sends them: strings of any length, checked below. */
export const addressInput = z.object(
  Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, z.string().max(10_000).optional().default("")])) as Record<
    AddressField,
    z.ZodDefault<z.ZodOptional<z.ZodString>>
  >,
);

/** A checkout that would pass every rule but the drop-ship fields': only those are judged. */
const NEUTRAL_CHECKOUT = {
  attemptId: "AAAAAAAAAAAA",
  reference: "address book",
  notes: "",
  test: false,
  delivery: "dropship" as const,
  deliveryNote: "",
};

/**
 * Checks an address as checkout checks a drop-ship address; on success the address as it is kept
 * (trimmed, postcode in the wholesaler's form), else a message key per field.
 */
export function validateAddress(
  raw: Partial<Record<AddressField, string>>,
): { ok: true; address: DeliveryAddress } | { ok: false; errors: AddressErrors } {
  const country = (COUNTRIES as readonly string[]).includes(raw.country ?? "") ? raw.country : raw.country || "NL";
  const fields = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, raw[f] ?? ""])) as Record<AddressField, string>;
  const candidate = { ...NEUTRAL_CHECKOUT, ...fields, country: country ?? "NL" };
  const parsed = checkoutSchema.safeParse(candidate);
  const errors: AddressErrors = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === "string" && (ADDRESS_FIELDS as readonly string[]).includes(field)) {
        errors[field as AddressField] ??= issue.message && issue.message.length < 40 ? issue.message : "invalid";
      }
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  // The checkout's rules trim every field; nothing else of its answer is needed.
  const address = Object.fromEntries(
    ADDRESS_FIELDS.map((field) => [field, String(candidate[field]).trim()]),
  ) as DeliveryAddress;
  address.postcode = normalisePostcode(address.country, address.postcode);
  address.vatNumber = address.vatNumber.replace(/[\s.]/g, "").toUpperCase();
  return { ok: true, address };
}

/** Name, company and city in lower case: what the address book is searched by. */
export function searchTextOf(address: DeliveryAddress): string {
  return [`${address.firstName} ${address.lastName}`, address.company, address.city]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}

/** Ids are random (see newAddressId): 22 characters of base64url. */
export const ADDRESS_ID = /^[A-Za-z0-9_-]{22}$/;
export const addressId = z.string().regex(ADDRESS_ID);
