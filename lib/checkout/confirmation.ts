import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { cartOwnerOf } from "@/lib/cart/owner";
import { getDb } from "@/lib/db";

import { parseOrderId } from "@/lib/orders/order-id";
import { recordPlacedOrder } from "@/lib/purchases/record-placed";

import { findAttempt } from "./attempts";
import { ATTEMPT_ID } from "./schema";

export interface Confirmation {
  orderId: string;
  /** The order page's address (the id encoded as a path segment), or null for an id no route can carry. */
  orderPath: string | null;
  status: string;
  reference: string;
}

/** The placed order of one of the session's own attempts; null for any other id (not found). */
export async function viewConfirmation(session: SessionToken, attemptId: string): Promise<Confirmation | null> {
  if (!ATTEMPT_ID.test(attemptId)) return null;
  const attempt = await findAttempt(await getDb(), cartOwnerOf(session), attemptId);
  if (!attempt || attempt.state !== "placed" || !attempt.upstreamOrderId) return null;
  // The order read back once, so its lines and the prices paid are kept (lib/purchases).
  await recordPlacedOrder(session, attempt.upstreamOrderId);
  return {
    orderId: attempt.upstreamOrderId,
    orderPath:
      parseOrderId(attempt.upstreamOrderId) === null ? null : `/orders/${encodeURIComponent(attempt.upstreamOrderId)}`,
    status: attempt.upstreamStatus ?? "pending",
    reference: String((attempt.request as { reference?: unknown }).reference ?? ""),
  };
}
