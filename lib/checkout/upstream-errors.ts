import type { CheckoutField } from "./schema";

/** Where the upstream's 422 field names (Laravel's dotted paths) belong on the checkout form. */
export const FIELD_OF: Record<string, CheckoutField> = {
  reference: "reference",
  notes: "notes",
  test: "test",
  "shipping.first_name": "firstName",
  "shipping.last_name": "lastName",
  "shipping.company": "company",
  "shipping.vatNumber": "vatNumber",
  "shipping.phone": "phone",
  "shipping.address.street": "street",
  "shipping.address.houseNumber": "houseNumber",
  "shipping.address.houseNumberExtension": "houseNumberExtension",
  "shipping.address.postcode": "postcode",
  "shipping.address.city": "city",
  "shipping.address.country": "country",
  "shipping.address.note": "deliveryNote",
};

export interface MappedUpstreamErrors {
  fields: Partial<Record<CheckoutField, string>>;
  /** Messages per SKU, from `products.N.*` errors. */
  lines: Record<string, string>;
  /** What belongs to no field or line. */
  general: string[];
}

/** Spreads the wholesaler's field errors over the form's fields and the cart's lines. */
export function mapUpstreamErrors(
  fieldErrors: Record<string, string[]>,
  productSkus: readonly string[],
): MappedUpstreamErrors {
  const mapped: MappedUpstreamErrors = { fields: {}, lines: {}, general: [] };
  for (const [key, messages] of Object.entries(fieldErrors)) {
    // One sentence a line: each is read on its own (lib/checkout/wholesaler-refusals.ts refusalsAt).
    const message = messages.join("\n");
    const field = FIELD_OF[key];
    const line = /^products\.(\d+)(\.|$)/.exec(key);
    if (field) mapped.fields[field] = message;
    else if (line) {
      const sku = productSkus[Number(line[1])];
      if (sku) mapped.lines[sku] = message;
      else mapped.general.push(message);
    } else if (key === "shipping" || key.startsWith("shipping.")) mapped.fields.street ??= message;
    else mapped.general.push(message);
  }
  return mapped;
}
