import "server-only";

import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { isUpstreamError, upstreamWithToken, type UpstreamClient, type UpstreamErrorKind } from "@/lib/upstream";

/** What a read of the wholesaler's orders gives: the value, or why the wholesaler could not give it. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; kind: UpstreamErrorKind; retryAfterSeconds?: number };

/**
 * The upstream as the session's user. For pages and actions (the default) a refused token sends
 * the user to sign in again; for JSON routes (`report`) it comes back as an `unauthorized` result.
 */
export async function ordersUpstream(
  session: SessionToken,
  onUnauthorized: "redirect" | "report" = "redirect",
): Promise<UpstreamClient> {
  if (onUnauthorized === "report") return upstreamWithToken(session.upstreamToken);
  return (await sessionUpstream(session)).upstream;
}

/** Runs one read; an upstream failure becomes a result, anything else is thrown on. */
export async function loaded<T>(read: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    if (!isUpstreamError(error)) throw error;
    return { ok: false, kind: error.kind, retryAfterSeconds: error.retryAfterSeconds };
  }
}
