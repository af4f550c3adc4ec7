/**
 * POST /orders input rules, reported the way Laravel's validator does
 * (422 with errors keyed "products.0.amount", "shipping.address.postcode", ...).
 * Ordering for another customer is an authorisation question first (403).
 */
import { can, PERMISSION_COMPANIES, type Principal } from "./auth.js";
import type { NewOrder } from "./dataset/orders.js";
import { HttpError, unauthorized, Validator } from "./laravel.js";
import type { SimState } from "./state.js";

type Input = Record<string, unknown>;

const isObject = (value: unknown): value is Input =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** Laravel's `integer` rule: integers and integer strings. */
function asInteger(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** Laravel's `boolean` rule: true, false, 1, 0, "1", "0". */
function asBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === "1") return true;
  if (value === false || value === 0 || value === "0") return false;
  return undefined;
}

const MAX_REFERENCE = 50;

export function validateOrder(body: unknown, principal: Principal, state: SimState): NewOrder {
  const input: Input = isObject(body) ? body : {};
  const v = new Validator();

  // Authorisation before validation, as a FormRequest does.
  const ownCode = principal.customerCode;
  const requested =
    typeof input.customercode === "string" && input.customercode.trim() !== "" ? input.customercode.trim() : ownCode;
  if (requested !== ownCode && !can(principal, PERMISSION_COMPANIES)) throw unauthorized();
  if (!isBlank(input.customercode) && typeof input.customercode !== "string")
    v.add("customercode", "The customercode field must be a string.");
  const customer = state.companies.get(requested);
  if (!customer) v.add("customercode", "The selected customercode is invalid.");

  const optionalString = (field: string, value: unknown, max?: number): string | null => {
    if (isBlank(value)) return null;
    if (typeof value !== "string") {
      v.add(field, `The ${field} field must be a string.`);
      return null;
    }
    if (max !== undefined && value.length > max)
      v.add(field, `The ${field} field must not be greater than ${max} characters.`);
    return value;
  };
  const requiredString = (field: string, value: unknown): string => {
    if (isBlank(value)) {
      v.add(field, `The ${field} field is required.`);
      return "";
    }
    if (typeof value !== "string") {
      v.add(field, `The ${field} field must be a string.`);
      return "";
    }
    return value.trim();
  };

  const reference = optionalString("reference", input.reference, MAX_REFERENCE);
  const notes = optionalString("notes", input.notes);
  const test = isBlank(input.test) ? false : asBoolean(input.test);
  if (test === undefined) v.add("test", "The test field must be true or false.");

  let shipping: NewOrder["shipping"];
  if (input.shipping !== undefined && input.shipping !== null) {
    if (!isObject(input.shipping)) {
      v.add("shipping", "The shipping field must be an array.");
    } else {
      const s = input.shipping;
      const address = isObject(s.address) ? s.address : {};
      if (s.address !== undefined && s.address !== null && !isObject(s.address))
        v.add("shipping.address", "The shipping.address field must be an array.");
      const country = requiredString("shipping.address.country", address.country);
      if (country && !/^[A-Za-z]{2}$/.test(country))
        v.add("shipping.address.country", "The shipping.address.country field must be 2 characters.");
      shipping = {
        first_name: requiredString("shipping.first_name", s.first_name),
        last_name: requiredString("shipping.last_name", s.last_name),
        company: optionalString("shipping.company", s.company),
        vatNumber: optionalString("shipping.vatNumber", s.vatNumber),
        phone: optionalString("shipping.phone", s.phone),
        address: {
          street: requiredString("shipping.address.street", address.street),
          houseNumber: requiredString(
            "shipping.address.houseNumber",
            typeof address.houseNumber === "number" ? String(address.houseNumber) : address.houseNumber,
          ),
          houseNumberExtension: optionalString("shipping.address.houseNumberExtension", address.houseNumberExtension),
          city: requiredString("shipping.address.city", address.city),
          postcode: requiredString("shipping.address.postcode", address.postcode),
          country: country.toUpperCase(),
          note: optionalString("shipping.address.note", address.note),
        },
      };
    }
  }

  const lines: NewOrder["lines"] = [];
  if (
    input.products === undefined ||
    input.products === null ||
    (Array.isArray(input.products) && input.products.length === 0)
  ) {
    v.add("products", "The products field is required.");
  } else if (!Array.isArray(input.products)) {
    v.add("products", "The products field must be an array.");
  } else {
    input.products.forEach((item: unknown, i: number) => {
      const at = `products.${i}`;
      if (!isObject(item)) {
        v.add(at, `The ${at} field must be an array.`);
        return;
      }
      const sku = requiredString(`${at}.sku`, item.sku);
      const index = sku ? state.catalogue.indexOfSku(sku) : undefined;
      const product = index !== undefined ? state.catalogue.product(index) : undefined;
      if (sku && !product) v.add(`${at}.sku`, `The selected ${at}.sku is invalid.`);
      if (product?.blocked) v.add(`${at}.sku`, `The product ${sku} is blocked and cannot be ordered.`);
      if (product && shipping && !product.dropshipment.dropshipable)
        v.add(`${at}.sku`, `The product ${sku} cannot be drop-shipped.`);

      const amount = asInteger(item.amount);
      if (isBlank(item.amount)) v.add(`${at}.amount`, `The ${at}.amount field is required.`);
      else if (amount === undefined) v.add(`${at}.amount`, `The ${at}.amount field must be an integer.`);
      else if (amount < 1) v.add(`${at}.amount`, `The ${at}.amount field must be at least 1.`);
      else if (product && amount % product.sales_unit_amount !== 0) {
        v.add(`${at}.amount`, `The ${at}.amount field must be a multiple of ${product.sales_unit_amount}.`);
      }
      for (const field of ["price", "vatrate"] as const) {
        if (
          !isBlank(item[field]) &&
          !(
            typeof item[field] === "number" ||
            (typeof item[field] === "string" && Number.isFinite(Number(item[field])))
          )
        ) {
          v.add(`${at}.${field}`, `The ${at}.${field} field must be a number.`);
        }
      }
      if (index !== undefined && amount !== undefined) lines.push({ index, amount });
    });
  }

  v.check();
  // Both were reported above if missing; this only narrows their types.
  if (!customer || test === undefined) throw new HttpError(422, "The given data was invalid.");
  return {
    customer,
    creatorName: principal.name,
    creatorEmail: principal.email,
    reference,
    notes,
    test,
    shipping,
    lines,
  };
}
