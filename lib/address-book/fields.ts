import { ADDRESS_FIELDS, type Country } from "@/lib/checkout/delivery-address";

/**
 * The fields of an address-book address: exactly the checkout's drop-ship fields (their checks are
 * in schema.ts). Without zod, for the forms that show them.
 */

export { ADDRESS_FIELDS };

export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type DeliveryAddress = Record<Exclude<AddressField, "country">, string> & { country: Country };
export type AddressErrors = Partial<Record<AddressField, string>>;

/**
 * The browser's autofill tokens of each field (never "off"): the end customer's shipping details,
 * so the `shipping` section. House number and addition are the second and third address lines (as
 * Dutch address forms split them); a VAT number has no token of its own, so the browser decides.
 */
export const ADDRESS_AUTOCOMPLETE: Record<AddressField, string> = {
  firstName: "shipping given-name",
  lastName: "shipping family-name",
  company: "shipping organization",
  vatNumber: "on",
  phone: "shipping tel",
  street: "shipping address-line1",
  houseNumber: "shipping address-line2",
  houseNumberExtension: "shipping address-line3",
  postcode: "shipping postal-code",
  city: "shipping address-level2",
  country: "shipping country",
};
