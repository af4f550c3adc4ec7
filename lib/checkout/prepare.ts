import "server-only";

import { mayPlaceTestOrders } from "@/lib/acting/policy";
import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { viewCart, type CartReading } from "@/lib/cart/read";
import type { Company } from "@/lib/domain/company";
import { getEnv } from "@/lib/env";
import { isUpstreamError } from "@/lib/upstream";

import { cartOwnerOf } from "@/lib/cart/owner";
import { getDb } from "@/lib/db";

import { lastPlacedAttempt, newAttemptId } from "./attempts";
import { orderedAs, type OrderedAs } from "./place-order";

export interface CheckoutPageData {
  cart: CartReading;
  /** The id this form's order will be sent under: a double click or a retry sends it once. */
  attemptId: string;
  /** The customer ordered for (the session's active customer), null when the upstream cannot say. */
  company: Company | null;
  canPlaceTestOrders: boolean;
  /**
   * With the cart empty: the order the person's last cart became, placed within the last day (the
   * checkout opened again after ordering: going back from the confirmation, a reload). Else null.
   */
  lastOrder: (OrderedAs & { placedAt: Date }) | null;
}

/** How long after an order an empty checkout still says which order the cart became. */
const LAST_ORDER_SHOWN_MS = 24 * 60 * 60_000;

async function lastOrderOf(session: SessionToken): Promise<CheckoutPageData["lastOrder"]> {
  const attempt = await lastPlacedAttempt(
    await getDb(),
    cartOwnerOf(session),
    new Date(Date.now() - LAST_ORDER_SHOWN_MS),
  );
  if (!attempt?.upstreamOrderId) return null;
  const created = (attempt.outcome as { createdAt?: unknown } | null)?.createdAt;
  const placedAt =
    typeof created === "string" && !Number.isNaN(Date.parse(created)) ? new Date(created) : attempt.updatedAt;
  return { ...orderedAs(attempt.upstreamOrderId), placedAt };
}

/** What the checkout page shows: the session's cart, the customer it is for, a fresh attempt id. */
export async function prepareCheckout(session: SessionToken): Promise<CheckoutPageData> {
  const cart = await viewCart(session);
  const canPlaceTestOrders = mayPlaceTestOrders(session, getEnv().DEMO_MODE);
  if (!cart.lines.length) {
    return {
      cart,
      attemptId: newAttemptId(),
      company: null,
      canPlaceTestOrders,
      lastOrder: await lastOrderOf(session),
    };
  }
  const { upstream } = await sessionUpstream(session);
  const company = await upstream.company(session.activeCustomerCode).catch((error: unknown) => {
    if (isUpstreamError(error)) return null;
    throw error;
  });
  return { cart, attemptId: newAttemptId(), company, canPlaceTestOrders, lastOrder: null };
}
