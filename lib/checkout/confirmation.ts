import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { cartOwnerOf } from "@/lib/cart/owner";
import { getDb } from "@/lib/db";

import { findAttempt } from "./attempts";
import { ATTEMPT_ID } from "./schema";

export interface Confirmation {
  orderId: string;
  /** The order's number when it is one: the order page's address. */
  numericOrderId: string | null;
  status: string;
  reference: string;
}

/** The placed order of one of the session's own attempts; null for any other id (not found). */
export async function viewConfirmation(session: SessionToken, attemptId: string): Promise<Confirmation | null> {
  if (!ATTEMPT_ID.test(attemptId)) return null;
  const attempt = await findAttempt(await getDb(), cartOwnerOf(session), attemptId);
  if (!attempt || attempt.state !== "placed" || !attempt.upstreamOrderId) return null;
  return {
    orderId: attempt.upstreamOrderId,
    numericOrderId: /^\d+$/.test(attempt.upstreamOrderId) ? attempt.upstreamOrderId : null,
    status: attempt.upstreamStatus ?? "pending",
    reference: String((attempt.request as { reference?: unknown }).reference ?? ""),
  };
}
