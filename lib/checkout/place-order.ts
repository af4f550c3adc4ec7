import "server-only";

import { actingFor, mayPlaceTestOrders } from "@/lib/acting/policy";
import { saveCheckoutAddress } from "@/lib/address-book/book";
import { recordAudit } from "@/lib/audit/log";
import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { cartOwnerOf } from "@/lib/cart/owner";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { checkoutEnded } from "@/lib/observability/checkout";
import { orderPathSegment, parseOrderId } from "@/lib/orders/order-id";

import { newAttemptId } from "./attempts";
import type { CheckoutField, CheckoutInput } from "./schema";
import { sendOnce } from "./send-once";
import { mapUpstreamErrors } from "./upstream-errors";

export type PlaceOrderResult =
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
  /** The cart was ordered by an earlier post as this order (lib/checkout/send-once.ts): nothing sent now. */
  | { kind: "already-ordered"; order: OrderedAs }
  | { kind: "unknown" | "in-progress" | "empty-cart" | "cart-not-orderable" | "test-not-allowed" };

/** The order that holds a cart: its id and its page's address (null for an id no route can carry). */
export interface OrderedAs {
  id: string;
  path: string | null;
}

export function orderedAs(orderId: string): OrderedAs {
  return { id: orderId, path: parseOrderId(orderId) === null ? null : `/orders/${orderPathSegment(orderId)}` };
}

/**
 * The checkout's use case: sends the session's cart as an order, exactly once (lib/checkout/
 * send-once.ts). Holds the checkout's rules: who may place test orders, which customer the order is
 * for (always the session's active customer, never one named in the input), the audit record of
 * an order placed for another customer, and what the wholesaler's refusals mean on the form.
 */
export async function placeOrder(session: SessionToken, input: CheckoutInput): Promise<PlaceOrderResult> {
  if (input.test && !mayPlaceTestOrders(session, getEnv().DEMO_MODE)) return { kind: "test-not-allowed" };
  const { upstream } = await sessionUpstream(session);
  const db = await getDb();
  const forCustomer = actingFor(session);
  const outcome = await sendOnce(
    {
      db,
      upstream,
      owner: cartOwnerOf(session),
      actor: { name: session.name, customerCode: session.customerCode },
      actingForCustomer: forCustomer,
    },
    input,
  );
  checkoutEnded(outcome.kind);

  switch (outcome.kind) {
    case "placed":
      await saveCheckoutAddress(session, input);
      if (forCustomer) {
        await recordAudit(db, {
          actorEmail: session.email ?? session.name,
          actorName: session.name,
          action: "order-for-customer",
          customerCode: forCustomer,
          orderId: outcome.orderId,
          details: { attemptId: outcome.attemptId },
        });
      }
      return { kind: "placed", attemptId: outcome.attemptId, orderId: outcome.orderId };
    case "rejected": {
      const mapped = mapUpstreamErrors(outcome.fieldErrors, outcome.skus);
      if (outcome.message && !Object.keys(outcome.fieldErrors).length) mapped.general.push(outcome.message);
      return { kind: "rejected", ...mapped, nextAttemptId: newAttemptId() };
    }
    case "not-sent":
      return { kind: "not-sent", reason: outcome.reason };
    case "already-ordered":
      return { kind: "already-ordered", order: orderedAs(outcome.orderId) };
    default:
      return { kind: outcome.kind };
  }
}
