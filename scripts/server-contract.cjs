// What the standalone server's wrapper (scripts/server-wrapper.cjs) and the portal's code share, named once:
// the request headers the wrapper sets (whatever a client sent in them is replaced) and the places on
// globalThis where one leaves something for the other. The wrapper runs before Next, outside the portal's
// bundles, so globalThis (with registered symbols) is the only way between them.
// Plain CommonJS without dependencies: the wrapper requires it beside itself (scripts/build.mjs copies it).
"use strict";

module.exports = {
  /** The wrapper's own id of each request (lib/http/not-found.ts marks its request by it). */
  RENDER_HEADER: "x-portal-render",
  /** The connection's own address, or "forwarded" behind a proxy (lib/observability/peer.ts). */
  PEER_HEADER: "x-portal-peer",
  /** The process's fetch of a page's shared copy; its value is FILL_SECRET's (lib/http/shared-documents.ts). */
  FILL_HEADER: "x-portal-document-fill",

  /** The hooks the portal installs at start and the wrapper calls: a finished request, the shutdown. */
  SERVER_HOOKS: Symbol.for("dealer-portal.server-hooks"),
  /** Whether the process is shutting down, and since when it runs (lib/observability/lifecycle.ts). */
  LIFECYCLE: Symbol.for("dealer-portal.lifecycle"),
  /** Where the wrapper records the address this process listens on (lib/http/shared-documents.ts). */
  LOCAL_ADDRESS: Symbol.for("dealer-portal.local-address"),
  /** The secret of the process's own fetches of shared copies, which the wrapper lets past its queue. */
  FILL_SECRET: Symbol.for("dealer-portal.document-fill-secret"),
  /** Render ids of requests whose page called notFoundPage(). */
  NOT_FOUND_MARKS: Symbol.for("dealer-portal.not-found-documents"),
  /** Render ids of requests whose page drew its own not-found view (answerNotFoundStatus()). */
  NOT_FOUND_STATUS_MARKS: Symbol.for("dealer-portal.not-found-status"),
  /** The wrapper's admission queue, read by /metrics (lib/observability/metrics.ts). */
  ADMISSION: Symbol.for("dealer-portal.admission"),
};
