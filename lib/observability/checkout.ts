import { metrics } from "./metrics";

/**
 * Counts a checkout's outcome for /metrics: placed, unknown (sent, answer lost: settled later by the
 * marker look-up), failed (rejected by the wholesaler or not sent), and the refusals (empty cart,
 * in progress elsewhere…) by their own names.
 */
export function checkoutEnded(kind: string): void {
  const outcome = kind === "rejected" || kind === "not-sent" ? "failed" : kind;
  metrics().checkoutOutcomes.labels(outcome).inc();
}
