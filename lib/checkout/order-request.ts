import type { CartView } from "@/lib/cart/view";
import type { OrderCreateBody } from "@/lib/upstream/order-create";

import { normalisePostcode } from "./delivery-address";
import type { CheckoutInput } from "./schema";

/** The line of the order's notes by which the portal finds an order it sent, e.g. after a time-out. */
export function attemptMarker(attemptId: string): string {
  return `[portal ${attemptId}]`;
}

/** The body of `POST /orders` for a checked cart and a valid checkout form. */
export function buildOrderRequest(options: {
  input: CheckoutInput;
  cart: CartView;
  /** Set when wholesaler staff order for another customer. */
  customerCode?: string;
}): OrderCreateBody {
  const { cart } = options;
  return {
    ...orderDetails(options.input, options.customerCode),
    products: cart.lines.map((line) => ({
      sku: line.sku,
      amount: line.quantity,
      ...(line.unitExVat !== null ? { price: line.unitExVat } : {}),
      ...(line.vatRate !== null ? { vatrate: line.vatRate } : {}),
    })),
  };
}

/** Plain data with its object keys in one order (a jsonb column gives them back in its own). */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/**
 * Whether a checkout form asks for the order an attempt already sent: the same reference, notes,
 * delivery and test flag (the lines are the cart's, read when it was sent). A form posted twice is
 * the same order; one changed after the order was placed (going back, a new reference) is not.
 */
export function sameOrderDetails(sent: Record<string, unknown>, input: CheckoutInput, customerCode?: string): boolean {
  const { products: _lines, ...details } = sent;
  return JSON.stringify(canonical(details)) === JSON.stringify(canonical(orderDetails(input, customerCode)));
}

/** The order's details from the checkout form, everything of `POST /orders` but its lines. */
function orderDetails(input: CheckoutInput, customerCode?: string): Omit<OrderCreateBody, "products"> {
  const notes = [input.notes.trim(), attemptMarker(input.attemptId)].filter(Boolean).join("\n\n");
  const body: Omit<OrderCreateBody, "products"> = {
    reference: input.reference.trim(),
    notes,
    test: input.test,
  };
  if (customerCode) body.customercode = customerCode;
  if (input.delivery === "dropship") {
    body.shipping = {
      first_name: input.firstName,
      last_name: input.lastName,
      ...(input.company ? { company: input.company } : {}),
      ...(input.vatNumber ? { vatNumber: input.vatNumber.replace(/[\s.]/g, "").toUpperCase() } : {}),
      ...(input.phone ? { phone: input.phone } : {}),
      address: {
        street: input.street,
        houseNumber: input.houseNumber,
        ...(input.houseNumberExtension ? { houseNumberExtension: input.houseNumberExtension } : {}),
        city: input.city,
        postcode: normalisePostcode(input.country, input.postcode),
        country: input.country,
        ...(input.deliveryNote ? { note: input.deliveryNote } : {}),
      },
    };
  }
  return body;
}
