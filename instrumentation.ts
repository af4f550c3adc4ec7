import type { Instrumentation } from "next";

/** Runs once when the portal's server starts. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server-start");
    await startServer();
  }
}

/**
 * A server error: one log line with the digest the user sees on the error page (so support can find it),
 * the route's pattern and the kind of render, never the URL's query or the request's headers.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { log, scrub } = await import("./lib/observability/logger");
  const err = error as Error & { digest?: string };
  log().error(
    {
      digest: err.digest,
      err: scrub(err.message ?? String(error)),
      route: context.routePath,
      routeType: context.routeType,
      method: request.method,
      req: typeof request.headers["x-request-id"] === "string" ? request.headers["x-request-id"] : undefined,
    },
    "server error",
  );
};
