import type { CartView } from "@/lib/cart/view";
import type { OrderCreateBody } from "@/lib/upstream/order-create";

import { normalisePostcode, type CheckoutInput } from "./schema";

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
  const { input, cart } = options;
  const notes = [input.notes.trim(), attemptMarker(input.attemptId)].filter(Boolean).join("\n\n");
  const body: OrderCreateBody = {
    reference: input.reference.trim(),
    notes,
    test: input.test,
    products: cart.lines.map((line) => ({
      sku: line.sku,
      amount: line.quantity,
      ...(line.unitExVat !== null ? { price: line.unitExVat } : {}),
      ...(line.vatRate !== null ? { vatrate: line.vatRate } : {}),
    })),
  };
  if (options.customerCode) body.customercode = options.customerCode;
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
