/**
 * Every path a checkout attempt can take, in one table. The code that changes an attempt's state
 * (lib/checkout/attempts.ts) asks `assertTransition` first, so a path missing here throws instead
 * of happening. The engine that walks these paths is lib/checkout/send-once.ts.
 *
 *   (new) ──record──► pending ──claim──► sending ──answer──► placed | rejected | failed | unknown
 *                                          ▲                                       │        │
 *                                          └────────────claim again────────────────┘        │
 *                     placed | failed | unknown ◄──────look up by marker─────────────────────┘
 *
 * A placed attempt is only reported again: the same form posted twice hears of its order; a form
 * changed after the order was placed (going back from the confirmation, a new reference), or a cart
 * another attempt placed (a second tab), hears "already ordered as order N" and nothing is sent.
 */

export const ATTEMPT_STATES = ["pending", "sending", "placed", "rejected", "unknown", "failed"] as const;
export type AttemptState = (typeof ATTEMPT_STATES)[number];

export interface Transition {
  to: AttemptState;
  /** Which step of send-once.ts makes it. */
  by: string;
  why: string;
}

export const TRANSITIONS = {
  pending: [
    {
      to: "sending",
      by: "claimForSending (under the cart lock)",
      why: "recorded with its cart snapshot; one request claims it to send",
    },
  ],
  sending: [
    { to: "placed", by: "send", why: "the wholesaler answered with the order" },
    {
      to: "rejected",
      by: "send",
      why: "the wholesaler refused the order (422, 400, 403, 404): nothing was created, the form must change",
    },
    {
      to: "failed",
      by: "send",
      why: "refused before it was processed (429, 401): nothing was created, it may be sent again",
    },
    {
      to: "unknown",
      by: "send, or waitForOther for a claim older than STALE_SENDING_MS",
      why: "time-out, 5xx, dropped connection, or the sending process died: the order may exist",
    },
  ],
  unknown: [
    { to: "placed", by: "resolveAttempt", why: "the order was found at the wholesaler by the marker in its notes" },
    { to: "failed", by: "resolveAttempt", why: "no order carries the marker: nothing was created" },
    {
      to: "unknown",
      by: "resolveAttempt",
      why: "the order list could not be read, or not whole, or the last send went unanswered less than UNANSWERED_SEND_SETTLES_MS ago (the order may still be on its way): still open",
    },
  ],
  failed: [
    { to: "sending", by: "claimForSending", why: "sent again (at most twice per request, once after a look-up)" },
  ],
  placed: [],
  rejected: [],
} as const satisfies Record<AttemptState, readonly Transition[]>;

/** States an attempt may be claimed for sending from. */
export const CLAIMABLE: readonly AttemptState[] = ATTEMPT_STATES.filter((state) =>
  (TRANSITIONS[state] as readonly Transition[]).some((transition) => transition.to === "sending"),
);

/** Settled states: the attempt's outcome is final and is only reported again. */
export const SETTLED: readonly AttemptState[] = ATTEMPT_STATES.filter((state) => TRANSITIONS[state].length === 0);

export class IllegalTransitionError extends Error {
  constructor(
    readonly from: AttemptState,
    readonly to: AttemptState,
  ) {
    super(`checkout attempt: no transition from ${from} to ${to}`);
    this.name = "IllegalTransitionError";
  }
}

export function mayTransition(from: AttemptState, to: AttemptState): boolean {
  return (TRANSITIONS[from] as readonly Transition[]).some((transition) => transition.to === to);
}

/** Throws unless the table has the transition from every state in `from` to `to`. */
export function assertTransition(from: AttemptState | readonly AttemptState[], to: AttemptState): void {
  for (const state of typeof from === "string" ? [from] : from) {
    if (!mayTransition(state, to)) throw new IllegalTransitionError(state, to);
  }
}
