import { cartViewOf } from "@/lib/cart/view-of";
import type { CartOwner } from "@/lib/cart/store";
import type { Database } from "@/lib/db";
import type { CheckoutAttemptRow } from "@/lib/db/schema";
import type { Order } from "@/lib/domain/order";
import type { UpstreamClient } from "@/lib/upstream/client";
import { UpstreamError } from "@/lib/upstream/errors";

import {
  attemptIdTakenByOther,
  claimForSending,
  findAttempt,
  insertAttempt,
  markPlaced,
  moveAttempt,
  newAttemptId,
  refreshAttempt,
  STALE_SENDING_MS,
  unsettledAttempts,
  withCartLock,
} from "./attempts";
import { attemptMarker, buildOrderRequest, sameOrderDetails } from "./order-request";
import type { CheckoutInput } from "./schema";

/**
 * Sends an owner's cart to the wholesaler exactly once, whatever the network does. The paths an
 * attempt takes are the table of lib/checkout/states.ts:
 * 1. under the cart's lock, read the cart and record the attempt (cart snapshot, marker) before
 *    anything is sent, and claim it for sending (one request at a time per cart);
 * 2. send; on an unknown outcome (time-out, 5xx, dropped connection) look the order up by its
 *    marker before ever sending again; send again at most once;
 * 3. record the result, and only then take the ordered lines out of the cart.
 * Every attempt is read and written by its owner and id: an id another owner uses is never
 * continued, and its stored lines are never sent.
 */

export type CheckoutOutcome =
  | { kind: "placed"; attemptId: string; orderId: string; status: string }
  | {
      kind: "rejected";
      attemptId: string;
      fieldErrors: Record<string, string[]>;
      message: string | null;
      /** The SKUs of the order's lines, in the order sent (the wholesaler names lines by index). */
      skus: string[];
    }
  | { kind: "not-sent"; attemptId: string; reason: "unavailable" | "rate_limited" | "timeout" }
  | { kind: "unknown"; attemptId: string }
  | { kind: "empty-cart" }
  | { kind: "cart-not-orderable" }
  | { kind: "in-progress"; attemptId: string }
  /**
   * This cart was ordered already, by an earlier post: the attempt was placed with other details
   * (the form changed after going back from the confirmation), or another attempt of the cart (a
   * second tab) placed it. Nothing was sent; the order named is the one that holds the cart.
   */
  | { kind: "already-ordered"; attemptId: string; orderId: string };

export interface SendContext {
  db: Database;
  upstream: UpstreamClient;
  owner: CartOwner;
  actor: { name: string; customerCode: string };
  /** Set when staff order for another customer: sent as `customercode` and used to look orders up. */
  actingForCustomer?: string;
  /** Waits between checks of an attempt another request is sending; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
  /** How long a request waits for another one sending the same cart. */
  waitForOtherMs?: number;
  /** This process's clock in milliseconds; replaced in tests. */
  now?: () => number;
}

/**
 * A send that got no answer (a time-out, a dropped or refused connection) may still be creating the
 * order at the wholesaler, which goes on with a request whose caller has gone. For this long after
 * it, an order list without the attempt's marker proves nothing, and the attempt is not sent again.
 * A send that was answered (a 5xx page, an unreadable body) is over when its answer comes.
 */
export const UNANSWERED_SEND_SETTLES_MS = 60_000;

const nowOf = (ctx: SendContext): number => (ctx.now ?? Date.now)();

const sleeper = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Finds the order an attempt created, by the marker in its notes. `whole` says whether not finding it
 * is an answer: every page of the list was read, and every order the list's strict reading left out
 * (an order the portal cannot read whole may still be this one) was read as far as it can be. Throws
 * UpstreamError when the list, or one of those orders, cannot be read.
 */
export async function findOrderOfAttempt(
  upstream: UpstreamClient,
  attempt: Pick<CheckoutAttemptRow, "id">,
  customerId: string | undefined,
): Promise<{ order: Order | null; whole: boolean }> {
  const marker = attemptMarker(attempt.id);
  const orders = await upstream.orders({ customerId });
  const found = orders.find((order) => order.notes?.includes(marker));
  if (found) return { order: found, whole: true };
  if (!orders.complete || orders.skippedIds.length < orders.skipped) return { order: null, whole: false };
  for (const id of orders.skippedIds) {
    const { order } = await upstream.orderAsFarAsReadable(id);
    if (order.notes?.includes(marker)) return { order, whole: true };
  }
  return { order: null, whole: true };
}

/** Whether an unknown attempt's last send went unanswered so recently that its order may still be on its way. */
function mayStillArrive(attempt: CheckoutAttemptRow, now: number): boolean {
  const { unansweredAt } = (attempt.outcome ?? {}) as { unansweredAt?: unknown };
  return typeof unansweredAt === "number" && now - unansweredAt < UNANSWERED_SEND_SETTLES_MS;
}

function settledOutcome(attempt: CheckoutAttemptRow): CheckoutOutcome | null {
  const outcome = (attempt.outcome ?? {}) as Record<string, unknown>;
  switch (attempt.state) {
    case "placed":
      return {
        kind: "placed",
        attemptId: attempt.id,
        orderId: attempt.upstreamOrderId ?? "",
        status: attempt.upstreamStatus ?? "pending",
      };
    case "rejected":
      return {
        kind: "rejected",
        attemptId: attempt.id,
        fieldErrors: (outcome.fieldErrors as Record<string, string[]>) ?? {},
        message: (outcome.message as string) ?? null,
        skus: attempt.cartSnapshot.map((line) => line.sku),
      };
    default:
      return null;
  }
}

/**
 * Settles an attempt whose outcome is unknown: found upstream → placed; not found → failed (may be
 * sent again); still unknown when the list cannot be read, was not read whole, or the last send went
 * unanswered less than UNANSWERED_SEND_SETTLES_MS ago. What the send recorded is kept.
 */
export async function resolveAttempt(ctx: SendContext, attempt: CheckoutAttemptRow): Promise<CheckoutOutcome> {
  const recorded = (attempt.outcome ?? {}) as Record<string, unknown>;
  const stillUnknown = async (lookup: string): Promise<CheckoutOutcome> => {
    await moveAttempt(ctx.db, ctx.owner, attempt.id, "unknown", "unknown", { ...recorded, lookup });
    return { kind: "unknown", attemptId: attempt.id };
  };
  let found: { order: Order | null; whole: boolean };
  try {
    found = await findOrderOfAttempt(ctx.upstream, attempt, ctx.actingForCustomer);
  } catch (error) {
    if (error instanceof UpstreamError && error.kind !== "unauthorized") return stillUnknown(error.kind);
    throw error;
  }
  const { order } = found;
  if (order) {
    await markPlaced(ctx.db, ctx.owner, attempt, ["unknown"], { id: order.id, status: order.statusRaw });
    return { kind: "placed", attemptId: attempt.id, orderId: order.id, status: order.statusRaw };
  }
  if (!found.whole) return stillUnknown("list-not-whole");
  if (mayStillArrive(attempt, nowOf(ctx))) return stillUnknown("too-soon");
  if (!(await moveAttempt(ctx.db, ctx.owner, attempt.id, "unknown", "failed", { lookup: "not-found" }))) {
    // Another request settled it meanwhile: report what it found.
    const now = await findAttempt(ctx.db, ctx.owner, attempt.id);
    const settled = now && settledOutcome(now);
    if (settled) return settled;
  }
  return { kind: "not-sent", attemptId: attempt.id, reason: "unavailable" };
}

/** Waits while another request sends this attempt, then reports what became of it. */
async function waitForOther(ctx: SendContext, id: string): Promise<CheckoutOutcome> {
  const deadline = Date.now() + (ctx.waitForOtherMs ?? 20_000);
  const sleep = ctx.sleep ?? sleeper;
  while (Date.now() < deadline) {
    const attempt = await findAttempt(ctx.db, ctx.owner, id);
    if (!attempt) break;
    const settled = settledOutcome(attempt);
    if (settled) return settled;
    if (attempt.state !== "sending") {
      return attempt.state === "unknown"
        ? resolveAttempt(ctx, attempt)
        : { kind: "not-sent", attemptId: id, reason: "unavailable" };
    }
    if (Date.now() - attempt.updatedAt.getTime() > STALE_SENDING_MS) {
      await moveAttempt(ctx.db, ctx.owner, id, "sending", "unknown", { error: "stale" });
      return resolveAttempt(ctx, { ...attempt, state: "unknown" });
    }
    await sleep(250);
  }
  return { kind: "in-progress", attemptId: id };
}

async function send(ctx: SendContext, attempt: CheckoutAttemptRow): Promise<CheckoutOutcome> {
  try {
    const created = await ctx.upstream.createOrder(attempt.request as never);
    const orderId = created.id;
    // From unknown too: a request that took this claim for stale may have moved it meanwhile.
    await markPlaced(ctx.db, ctx.owner, attempt, ["sending", "unknown"], {
      id: orderId,
      status: created.status,
      createdAt: created.createdAt,
    });
    return { kind: "placed", attemptId: attempt.id, orderId, status: created.status };
  } catch (error) {
    if (!(error instanceof UpstreamError)) {
      await moveAttempt(ctx.db, ctx.owner, attempt.id, "sending", "unknown", { error: "internal" });
      throw error;
    }
    if (
      error.kind === "validation" ||
      error.kind === "forbidden" ||
      error.kind === "bad_request" ||
      error.kind === "not_found"
    ) {
      const outcome = { fieldErrors: error.fieldErrors, message: error.upstreamMessage ?? null, kind: error.kind };
      await moveAttempt(ctx.db, ctx.owner, attempt.id, "sending", "rejected", outcome);
      return {
        kind: "rejected",
        attemptId: attempt.id,
        fieldErrors: error.fieldErrors,
        message: outcome.message,
        skus: attempt.cartSnapshot.map((line) => line.sku),
      };
    }
    if (error.kind === "rate_limited") {
      // Refused before it was processed: nothing was created, the attempt may be sent again.
      await moveAttempt(ctx.db, ctx.owner, attempt.id, "sending", "failed", { error: error.kind });
      return { kind: "not-sent", attemptId: attempt.id, reason: "rate_limited" };
    }
    if (error.kind === "unauthorized") {
      await moveAttempt(ctx.db, ctx.owner, attempt.id, "sending", "failed", { error: error.kind });
      throw error;
    }
    // Time-out, 5xx, reset, unreadable answer: the order may or may not exist. Without an answer the
    // wholesaler may still be creating it: when the send went unanswered is kept (mayStillArrive).
    const unanswered = error.status === undefined ? { unansweredAt: nowOf(ctx) } : {};
    await moveAttempt(ctx.db, ctx.owner, attempt.id, "sending", "unknown", { error: error.kind, ...unanswered });
    return { kind: "unknown", attemptId: attempt.id };
  }
}

type Claim =
  | { kind: "claimed"; attempt: CheckoutAttemptRow }
  | { kind: "busy"; other: CheckoutAttemptRow }
  | { kind: "lost"; attemptId: string }
  | { kind: "empty-cart" }
  | { kind: "cart-not-orderable" };

/**
 * Under the cart's lock: reads the cart as it is now, records (or brings up to date) the owner's
 * attempt with it, and claims it for sending. The lines and reference sent are always this
 * owner's, read here; an id another owner already uses is replaced by a fresh one.
 */
async function recordAndClaim(
  ctx: SendContext,
  input: CheckoutInput,
  existing: CheckoutAttemptRow | null,
): Promise<Claim> {
  return withCartLock(ctx.db, ctx.owner, async (tx) => {
    // The same attempt posted twice at once (a native double submit): the other request recorded
    // it meanwhile, and may have placed it and emptied the cart. Its outcome is this one's.
    if (!existing && (await findAttempt(tx, ctx.owner, input.attemptId))) {
      return { kind: "lost", attemptId: input.attemptId };
    }
    // Checked again under the lock: another request may have claimed this cart meanwhile.
    const busy = (await unsettledAttempts(tx, ctx.owner)).find((other) => other.id !== input.attemptId);
    if (busy) return { kind: "busy", other: busy };
    const cart = await cartViewOf(tx, ctx.owner);
    if (!cart.lines.length) return { kind: "empty-cart" };
    if (!cart.canCheckout) return { kind: "cart-not-orderable" };

    let attemptId = input.attemptId;
    if (!existing && (await attemptIdTakenByOther(tx, ctx.owner, attemptId))) attemptId = newAttemptId();
    const request = buildOrderRequest({
      input: { ...input, attemptId },
      cart,
      customerCode: ctx.actingForCustomer,
    }) as unknown as Record<string, unknown>;
    const cartSnapshot = cart.lines.map((line) => ({ sku: line.sku, quantity: line.quantity }));
    if (existing) {
      await refreshAttempt(tx, ctx.owner, attemptId, { request, cartSnapshot });
    } else {
      await insertAttempt(tx, ctx.owner, {
        id: attemptId,
        actorCustomerCode: ctx.actor.customerCode,
        actorName: ctx.actor.name,
        request,
        cartSnapshot,
      });
    }
    const claimed = await claimForSending(tx, ctx.owner, attemptId);
    return claimed ? { kind: "claimed", attempt: claimed } : { kind: "lost", attemptId };
  });
}

/** An order placed by an earlier post, reported to this one as the order that holds its cart. */
function alreadyOrdered(outcome: Extract<CheckoutOutcome, { kind: "placed" }>): CheckoutOutcome {
  return { kind: "already-ordered", attemptId: outcome.attemptId, orderId: outcome.orderId };
}

export async function sendOnce(ctx: SendContext, input: CheckoutInput): Promise<CheckoutOutcome> {
  // Same attempt again (double click, retry, refresh of the confirmation): report or continue it.
  const existing = await findAttempt(ctx.db, ctx.owner, input.attemptId);
  if (existing) {
    // Placed already: the same form again is the same order; a changed one is told the cart was ordered.
    const repeat = (outcome: CheckoutOutcome) =>
      outcome.kind === "placed" && !sameOrderDetails(existing.request, input, ctx.actingForCustomer)
        ? alreadyOrdered(outcome)
        : outcome;
    const settled = settledOutcome(existing);
    if (settled) return repeat(settled);
    // Being sent by another request, or left "sending" by a process that died: its outcome first;
    // when that is "not sent" (nothing found at the wholesaler), it is sent again below, once.
    const known =
      existing.state === "sending"
        ? await waitForOther(ctx, existing.id)
        : existing.state === "unknown"
          ? await resolveAttempt(ctx, existing)
          : null;
    if (known && known.kind !== "not-sent") return repeat(known);
  }

  // Another attempt of this cart still unsettled (second tab): settle it before anything new is sent.
  for (const other of await unsettledAttempts(ctx.db, ctx.owner)) {
    if (other.id === input.attemptId) continue;
    const outcome = other.state === "sending" ? await waitForOther(ctx, other.id) : await resolveAttempt(ctx, other);
    if (outcome.kind === "placed") return alreadyOrdered(outcome);
    if (outcome.kind === "in-progress" || outcome.kind === "unknown") return outcome;
  }

  const claim = await recordAndClaim(ctx, input, existing);
  switch (claim.kind) {
    case "empty-cart":
    case "cart-not-orderable":
      return { kind: claim.kind };
    case "busy": {
      const other =
        claim.other.state === "sending"
          ? await waitForOther(ctx, claim.other.id)
          : await resolveAttempt(ctx, claim.other);
      return other.kind === "placed" ? alreadyOrdered(other) : other;
    }
    case "lost":
      return waitForOther(ctx, claim.attemptId);
  }
  const claimed = claim.attempt;

  const first = await send(ctx, claimed);
  if (first.kind !== "unknown") return first;

  // Outcome unknown: look before sending again, and send again at most once. The attempt as the send
  // left it: whether it was answered decides whether not finding the order is an answer yet.
  const resolved = await resolveAttempt(
    ctx,
    (await findAttempt(ctx.db, ctx.owner, claimed.id)) ?? { ...claimed, state: "unknown" },
  );
  if (resolved.kind !== "not-sent") return resolved;
  const again = await claimForSending(ctx.db, ctx.owner, claimed.id);
  if (!again || again.sends > 2) return resolved;
  const second = await send(ctx, again);
  if (second.kind !== "unknown") return second;
  const last = await resolveAttempt(
    ctx,
    (await findAttempt(ctx.db, ctx.owner, again.id)) ?? { ...again, state: "unknown" },
  );
  return last.kind === "not-sent" ? { kind: "not-sent", attemptId: again.id, reason: "unavailable" } : last;
}
