"use server";

import { requireSession } from "@/lib/auth/session";

import { placeOrder, type PlaceOrderResult } from "./place-order";
import { checkoutSchema, type CheckoutField } from "./schema";

export type SubmitOrderResult = PlaceOrderResult;

/** The checkout form's action: parse, session, placeOrder (lib/checkout/place-order.ts). */
export async function submitOrder(input: unknown): Promise<SubmitOrderResult> {
  const parsed = checkoutSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Partial<Record<CheckoutField, string>> = {};
    for (const issue of parsed.error.issues) fields[issue.path[0] as CheckoutField] ??= issue.message;
    return { kind: "invalid", fields };
  }
  return placeOrder(await requireSession(), parsed.data);
}
