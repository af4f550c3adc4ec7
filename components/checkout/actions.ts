"use server";

import { getEnv } from "@/lib/env";
import { recordAudit } from "@/lib/audit/log";
import { sessionUpstream } from "@/lib/auth/session";
import { cartOwnerOf } from "@/lib/cart/owner";
import { cartViewFor } from "@/lib/cart/read";
import { newAttemptId } from "@/lib/checkout/attempts";
import { placeOrder } from "@/lib/checkout/place-order";
import { checkoutSchema, type CheckoutField } from "@/lib/checkout/schema";
import { mapUpstreamErrors } from "@/lib/checkout/upstream-errors";
import { getDb } from "@/lib/db";
import { PERMISSION_COMPANIES } from "@/lib/domain/user";

export type SubmitOrderResult =
  | { kind: "placed"; attemptId: string; orderId: string }
  | { kind: "invalid"; fields: Partial<Record<CheckoutField, string>> }
  | {
      kind: "rejected";
      fields: Partial<Record<CheckoutField, string>>;
      lines: Record<string, string>;
      general: string[];
      nextAttemptId: string;
    }
  | { kind: "not-sent"; reason: "unavailable" | "rate_limited" | "timeout" }
  | { kind: "unknown" | "in-progress" | "empty-cart" | "cart-not-orderable" | "test-not-allowed" };

/**
 * Sends the session's cart as an order (see lib/checkout/place-order.ts for
 * how it is sent exactly once). The customer is always the session's active
 * customer, never one named in the input.
 */
export async function submitOrder(input: unknown): Promise<SubmitOrderResult> {
  const parsed = checkoutSchema.safeParse(input);
  if (!parsed.success) {
    const fields: Partial<Record<CheckoutField, string>> = {};
    for (const issue of parsed.error.issues) fields[issue.path[0] as CheckoutField] ??= issue.message;
    return { kind: "invalid", fields };
  }
  const { session, upstream } = await sessionUpstream();
  const isStaff = session.permissions.includes(PERMISSION_COMPANIES);
  if (parsed.data.test && !isStaff && !getEnv().DEMO_MODE) return { kind: "test-not-allowed" };

  const db = await getDb();
  const owner = cartOwnerOf(session);
  const actingFor = session.activeCustomerCode !== session.customerCode ? session.activeCustomerCode : undefined;
  const cart = await cartViewFor(session);
  const outcome = await placeOrder(
    {
      db,
      upstream,
      owner,
      actor: { name: session.name, customerCode: session.customerCode },
      actingForCustomer: actingFor,
    },
    parsed.data,
    cart,
  );

  switch (outcome.kind) {
    case "placed":
      if (actingFor) {
        await recordAudit(db, {
          actorEmail: session.email ?? session.name,
          actorName: session.name,
          action: "order-for-customer",
          customerCode: actingFor,
          orderId: outcome.orderId,
          details: { attemptId: outcome.attemptId },
        });
      }
      return { kind: "placed", attemptId: outcome.attemptId, orderId: outcome.orderId };
    case "rejected": {
      const mapped = mapUpstreamErrors(
        outcome.fieldErrors,
        cart.lines.map((line) => line.sku),
      );
      if (outcome.message && !Object.keys(outcome.fieldErrors).length) mapped.general.push(outcome.message);
      return { kind: "rejected", ...mapped, nextAttemptId: newAttemptId() };
    }
    case "not-sent":
      return { kind: "not-sent", reason: outcome.reason };
    default:
      return { kind: outcome.kind };
  }
}
