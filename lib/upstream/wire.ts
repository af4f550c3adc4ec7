import { z } from "zod";

/**
 * The upstream's answers as they come over the wire, parsed leniently where the
 * reference contradicts itself (ids as numbers or strings, numbers as strings,
 * nulls anywhere optional). Field names are the upstream's own.
 */

const numberish = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, "expected a number")
    .transform(Number),
]);
const intish = numberish.pipe(z.number().int());
const boolish = z
  .union([z.boolean(), z.literal(0), z.literal(1), z.enum(["0", "1", "true", "false"])])
  .transform((value) => value === true || value === 1 || value === "1" || value === "true");
const text = z.union([z.string(), z.number().transform(String)]);
const optionalText = text.nullish().transform((value) => (value === undefined || value === null ? null : value));

export const phpDate = z.object({
  date: z.string(),
  timezone_type: intish,
  timezone: z.string(),
});

export const media = z.object({
  sequence: intish.nullish(),
  type: z.string().nullish(),
  primary: boolish.nullish(),
  hash: z.string().min(1),
  mimetype: z.string().nullish(),
  ext: z.string().min(1),
  size: numberish.nullish(),
});

export const companyAddress = z.object({
  street: optionalText,
  number: optionalText,
  number_suffix: optionalText,
  default: boolish.nullish(),
  postal_code: optionalText,
  city: optionalText,
  cc: optionalText,
  country: optionalText,
  email_shipping: optionalText,
});

export const company = z.object({
  code: text,
  name: text,
  address: companyAddress.nullish(),
});

export const paginatedCompanies = z.object({
  data: z.array(company),
  links: z.record(z.string(), z.unknown()).nullish(),
  meta: z
    .object({
      current_page: intish.nullish(),
      last_page: intish.nullish(),
      per_page: intish.nullish(),
      total: intish.nullish(),
    })
    .passthrough()
    .nullish(),
});

type WireCategory = {
  id: string | number;
  code: string | number;
  title?: string | null;
  level?: number | null;
  path?: string | null;
  path_new?: string | null;
  is_group?: boolean | null;
  media?: z.infer<typeof media>[] | null;
  children?: unknown[] | null;
};

export const category: z.ZodType<WireCategory> = z.object({
  id: z.union([z.string(), z.number()]),
  code: z.union([z.string(), z.number()]),
  title: z.string().nullish(),
  level: intish.nullish(),
  path: optionalText,
  path_new: optionalText,
  is_group: boolish.nullish(),
  media: z.array(media).nullish(),
  // The reference shows `children: [{}]`: empty objects are placeholders, not categories.
  children: z.array(z.unknown()).nullish(),
});

export const categoryList = z.array(category);

const priceTier = z.object({
  seller: numberish.nullish(),
  exvat: numberish.nullish(),
  incvat: numberish.nullish(),
  vatamount: numberish.nullish(),
  minqty: intish.nullish(),
  priceOnDemand: boolish.nullish(),
});

const attribute = z.object({
  code: optionalText,
  code_new: optionalText,
  title: optionalText,
  description: optionalText,
});

const categoriesByRoot = z.record(z.string(), z.array(category)).nullish();

export const product = z.object({
  sku: text,
  ocsid: optionalText,
  vendor_item_no: optionalText,
  title: optionalText,
  description: optionalText,
  expiring: boolish.nullish(),
  last_modified: phpDate.nullish(),
  update_count: intish.nullish(),
  blister: boolish.nullish(),
  consumer: boolish.nullish(),
  blocked: boolish.nullish(),
  barcode: z.object({ value: text.nullish(), type: z.string().nullish(), image: media.nullish() }).nullish(),
  stock: z.union([z.string(), z.number()]).nullish(),
  stock_colour: z.string().nullish(),
  dropshipment: z.object({ dropshipable: boolish.nullish(), is_big_parcel: boolish.nullish() }).nullish(),
  customs: z.object({ code: optionalText, label: optionalText, origin: optionalText }).nullish(),
  "categories-b2b": z.union([categoriesByRoot, z.array(z.unknown()).length(0)]),
  prices: z.array(priceTier).nullish(),
  price_unit: optionalText,
  sales_unit: optionalText,
  sales_unit_amount: numberish.nullish(),
  files: z.array(media).nullish(),
  attributes: z.array(attribute).nullish(),
  media: z.array(media).nullish(),
});

export const productListEntry = z.object({
  sku: text,
  last_modified: phpDate.nullish(),
  update_count: intish.nullish(),
});

export const productList = z.array(productListEntry);

const shippingAddress = z.object({
  first_name: optionalText,
  last_name: optionalText,
  address_one_street: optionalText,
  address_one_number: optionalText,
  address_one_additional: optionalText,
  address_two_street: optionalText,
  address_two_number: optionalText,
  address_two_additional: optionalText,
  city: optionalText,
  zipcode: optionalText,
  country: optionalText,
  phone_number: optionalText,
  delivery_note: optionalText,
});

const orderLine = z.object({
  title: optionalText,
  barcode: optionalText,
  product_sku: text,
  sales_unit: optionalText,
  price_unit: optionalText,
  sales_unit_amount: numberish.nullish(),
  quantity: numberish,
  price: numberish.nullish(),
  discount: numberish.nullish(),
  reference: optionalText,
  customer_price: numberish.nullish(),
  sold_price: numberish.nullish(),
  tax: numberish.nullish(),
});

const shipment = z.object({
  created_at: phpDate.nullish(),
  shipment_id: z.union([z.string(), z.number()]),
  courier: z.string(),
  piece_number: intish.nullish(),
  tracker_code: text,
});

/**
 * An order id as the upstream sends it: an integer in the reference's list
 * example, a string (`"ORD123456"`) in its create example. Both are accepted
 * everywhere (list, detail, status, create); the mapping keeps the text.
 */
export const orderId = z.union([z.number().int().nonnegative(), z.string().trim().min(1).max(100)]);

export const order = z.object({
  id: orderId,
  updated_at: phpDate.nullish(),
  status: z.string(),
  creator_name: optionalText,
  customer: company.nullish(),
  dropship: boolish.nullish(),
  vat: optionalText,
  company: optionalText,
  reference: optionalText,
  notes: optionalText,
  test: boolish.nullish(),
  BillingAddress: shippingAddress.nullish(),
  shippingAddress: shippingAddress.nullish(),
  products: z.array(orderLine).nullish(),
  shipments: z.array(shipment).nullish(),
});

export const orderList = z.array(order);

export const createdOrder = z.object({
  data: z.object({
    id: orderId,
    status: z.string(),
    created_at: phpDate.nullish(),
  }),
});

export const orderStatusJson = z.object({
  status: z.string().min(1),
  updated_at: z.string().nullish(),
});

/** Colour stock: nested `[{"sku":"green"}, …]` or flat `{"sku":"green", …}`. */
export const stockColours = z.union([z.array(z.record(z.string(), z.string())), z.record(z.string(), z.string())]);

/** One value of a numeric stock list. */
export const stockNumber = numberish;

export const stockNumbers = z.union([z.array(z.record(z.string(), numberish)), z.record(z.string(), numberish)]);

export const token = z.object({
  access_token: z.string().min(1),
  token_type: z.string().nullish(),
  expires_in: numberish.nullish(),
});

export const me = z.object({
  name: text,
  email: optionalText,
  customer_code: text,
  permissions: z.array(z.string()).nullish(),
  features: z.array(z.string()).nullish(),
});

export type WireProduct = z.infer<typeof product>;
export type WireOrder = z.infer<typeof order>;
export type WireCompany = z.infer<typeof company>;
export type WireMedia = z.infer<typeof media>;
export type WirePhpDate = z.infer<typeof phpDate>;
