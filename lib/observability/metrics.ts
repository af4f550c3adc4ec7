import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

import { ADMISSION } from "@/scripts/server-contract.cjs";

/**
 * The portal's Prometheus metrics, one registry per process (kept on globalThis: Next may load this
 * module more than once). Served by GET /metrics (app/metrics/route.ts).
 */
export interface PortalMetrics {
  registry: Registry;
  requestDuration: Histogram<"method" | "route" | "status">;
  upstreamCalls: Counter<"endpoint" | "outcome">;
  upstreamDuration: Histogram<"endpoint">;
  checkoutOutcomes: Counter<"outcome">;
  forwardedActions: Counter<"route">;
  sharedCopies: Counter<"page" | "event">;
  syncLastRun: Gauge<"kind" | "outcome">;
  syncLagSeconds: Gauge;
  admissionRequests: Gauge<"state">;
  admissionEvents: Counter<"event">;
}

/** The standalone server's admission queue (scripts/admission-queue.cjs), when this process runs behind it. */
interface AdmissionQueue {
  state(): { inside: number; waiting: number };
  counts(): { waited: number; gaveUp: number; leftWaiting: number };
}
function admissionQueue(): AdmissionQueue | undefined {
  return (globalThis as { [ADMISSION]?: AdmissionQueue })[ADMISSION];
}

const KEY = Symbol.for("dealer-portal.metrics");
type Holder = { [KEY]?: PortalMetrics };

function create(): PortalMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "portal_process_" });
  return {
    registry,
    requestDuration: new Histogram({
      name: "portal_http_request_duration_seconds",
      help: "Duration of HTTP requests by route (the page or handler's pattern, not the URL) and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamCalls: new Counter({
      name: "portal_upstream_calls_total",
      help: "Calls to the wholesaler API by endpoint and outcome (the HTTP status, or timeout/network)",
      labelNames: ["endpoint", "outcome"],
      registers: [registry],
    }),
    upstreamDuration: new Histogram({
      name: "portal_upstream_call_duration_seconds",
      help: "Duration of calls to the wholesaler API by endpoint",
      labelNames: ["endpoint"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    checkoutOutcomes: new Counter({
      name: "portal_checkout_outcomes_total",
      help: "Checkouts by outcome: placed, unknown, settled, failed",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    forwardedActions: new Counter({
      name: "portal_server_actions_forwarded_total",
      help: "Server actions posted to a page whose bundle lacks them, which Next forwarded to one that has them (a second request inside the portal), by the route they were posted to",
      labelNames: ["route"],
      registers: [registry],
    }),
    sharedCopies: new Counter({
      name: "portal_shared_copies_total",
      help: "Pages' shared copies (lib/http/personal-documents.ts) by page and event: rendered, kept, refused, served, not-admitted (the store was full of addresses asked for more often), evicted, expired, unfilled",
      labelNames: ["page", "event"],
      registers: [registry],
    }),
    syncLastRun: new Gauge({
      name: "portal_sync_last_run_timestamp_seconds",
      help: "When the catalogue sync's last run ended, by kind and outcome",
      labelNames: ["kind", "outcome"],
      registers: [registry],
    }),
    syncLagSeconds: new Gauge({
      name: "portal_sync_lag_seconds",
      help: "Seconds since the catalogue sync last reached its end (any instance; read from the database)",
      registers: [registry],
    }),
    admissionRequests: new Gauge({
      name: "portal_admission_requests",
      help: "Requests inside the server (at most PORTAL_CONCURRENT_REQUESTS count) and waiting for a place, now",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        const queue = admissionQueue();
        if (!queue) return;
        const { inside, waiting } = queue.state();
        this.set({ state: "inside" }, inside);
        this.set({ state: "waiting" }, waiting);
      },
    }),
    admissionEvents: new Counter({
      name: "portal_admission_events_total",
      help: "Requests that waited for a place, that gave theirs up after PORTAL_ADMISSION_GIVE_UP_MS inside (slow upstream or client), and whose client left while they waited",
      labelNames: ["event"],
      registers: [registry],
      collect() {
        const counts = admissionQueue()?.counts();
        if (!counts) return;
        // The queue keeps the totals since the start (they only go up): the counter shows them as they are.
        this.reset();
        this.inc({ event: "waited" }, counts.waited);
        this.inc({ event: "gave-up" }, counts.gaveUp);
        this.inc({ event: "left-waiting" }, counts.leftWaiting);
      },
    }),
  };
}

export function metrics(): PortalMetrics {
  const holder = globalThis as Holder;
  holder[KEY] ??= create();
  return holder[KEY];
}
