import { log } from "./logger";
import { metrics } from "./metrics";

/**
 * The route of a request path: the page or handler's pattern, never the path itself, so that a log line
 * or a metric label holds no order number, SKU or search words, and the label set stays small.
 */
const PATTERNS: [RegExp, string][] = [
  [/^\/_next\/static\//, "/_next/static"],
  [/^\/_next\/image/, "/_next/image"],
  [/^\/_next\//, "/_next"],
  [/^\/media\/[^/]+$/, "/media/[file]"],
  [/^\/icons\//, "/icons"],
  [/^\/catalogue\/.+/, "/catalogue/[...code]"],
  [/^\/products\/[^/]+$/, "/products/[sku]"],
  [/^\/orders\/export$/, "/orders/export"],
  [/^\/orders\/[^/]+\/status$/, "/orders/[id]/status"],
  [/^\/orders\/[^/]+$/, "/orders/[id]"],
  [/^\/lists\/[^/]+\/export$/, "/lists/[id]/export"],
  [/^\/lists\/[^/]+$/, "/lists/[id]"],
  [/^\/addresses\/[^/]+$/, "/addresses/[id]"],
  [/^\/checkout\/confirmation\/[^/]+$/, "/checkout/confirmation/[attemptId]"],
  [/^\/api\/auth\/.+/, "/api/auth/[...nextauth]"],
];

const KNOWN = new Set([
  "/",
  "/admin",
  "/cart",
  "/catalogue",
  "/checkout",
  "/orders",
  "/quick-order",
  "/addresses",
  "/addresses/new",
  "/buy-again",
  "/customers",
  "/favourites",
  "/lists",
  "/scan",
  "/search",
  "/sign-in",
  "/offline",
  "/session-expired",
  "/api/companies",
  "/api/health",
  "/api/health/live",
  "/api/health/ready",
  "/api/search/suggest",
  "/api/session/customer",
  "/metrics",
  "/manifest.webmanifest",
  "/sw.js",
  "/favicon.ico",
  "/robots.txt",
]);

export function routeOf(url: string): string {
  const pathname = url.split(/[?#]/, 1)[0] || "/";
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (KNOWN.has(trimmed)) return trimmed;
  for (const [pattern, route] of PATTERNS) if (pattern.test(trimmed)) return route;
  return "(other)";
}

export interface FinishedRequest {
  id: string;
  method: string;
  url: string;
  status: number;
  durationMs: number;
  /**
   * Set when the request is Next's forward of a server action: the URL the action was posted to, a page
   * whose bundle lacks it, from which Next ran it by this second request to a page that has it. The
   * standalone server tells it from a client's own `x-action-forwarded` header (`actionForwards` in
   * scripts/admission-queue.cjs).
   */
  forwardedFrom?: string;
}

/** One JSON line and the duration metric per request (called by the standalone server's wrapper). */
export function requestFinished(request: FinishedRequest): void {
  const route = routeOf(request.url);
  const durationMs = Math.round(request.durationMs * 10) / 10;
  // Static files would drown the log; they are still measured.
  if (!route.startsWith("/_next/static") && route !== "/icons")
    log().info({ req: request.id, method: request.method, route, status: request.status, ms: durationMs }, "request");
  metrics()
    .requestDuration.labels(request.method, route, String(request.status))
    .observe(request.durationMs / 1000);
  if (request.forwardedFrom !== undefined) {
    // Twice the work for one action: a form or script posts it to a page that does not render it. The page
    // it was posted to is the one to mend; the route that answered (`route`) is any page that has the action.
    const postedTo = routeOf(request.forwardedFrom);
    metrics().forwardedActions.labels(postedTo).inc();
    log().warn(
      { req: request.id, route, postedTo, status: request.status },
      "server action forwarded: it was posted to a page whose bundle lacks it",
    );
  }
}
