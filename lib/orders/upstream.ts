import "server-only";

import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { isUpstreamError, type UpstreamClient, type UpstreamErrorKind } from "@/lib/upstream";

/** Why the wholesaler could not give what a page asked for (timeout, rate_limited, unavailable, …). */
export type LoadProblem = UpstreamErrorKind;

/** What a read of the wholesaler's orders gives: the value, or why the wholesaler could not give it. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; kind: LoadProblem; retryAfterSeconds?: number };

/**
 * The upstream as the session's user. A refused token ends the session; pages and actions (the
 * default) then send the user to sign in again, JSON routes (`report`) get an `unauthorized` result.
 */
export async function ordersUpstream(
  session: SessionToken,
  onUnauthorized: "redirect" | "report" = "redirect",
): Promise<UpstreamClient> {
  return (await sessionUpstream(session, { onUnauthorized })).upstream;
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
