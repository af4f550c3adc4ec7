import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NextRequest } from "next/server";
import { cache } from "react";

import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { PORTAL_MEDIA_PATH, UpstreamClient, upstreamWithToken, type UpstreamError } from "@/lib/upstream";

import { decodeSessionCookie } from "./cookie";
import { PATH_HEADER } from "./path-header";
import { safeReturnPath } from "./return-path";
import { checkSession, type SessionState } from "./session-check";
import { endPortalSession } from "./session-store";
import type { SessionToken } from "./session-types";

/**
 * The one way pages, server actions, route handlers and use cases get the session: the cookie,
 * checked against the server's record of the session (./session-check) on every request.
 */

async function stateOf(request: NextRequest): Promise<SessionState> {
  return stateOfToken(await decodeSessionCookie(request));
}

/** What the server knows of a decoded session cookie (see ./session-check). */
export async function stateOfToken(token: SessionToken | null): Promise<SessionState> {
  if (!token) return { status: "none" };
  const env = getEnv();
  return checkSession(await getDb(), token, {
    recheckMs: env.SESSION_RECHECK_SECONDS * 1000,
    me: (upstreamToken) => recheckClient(upstreamToken).me(),
  });
}

/**
 * The periodic GET /me holds up one request of the session: one attempt with a short time-out, so
 * that an upstream that does not answer costs seconds, not the reads' retries (the session then
 * goes on and the check is due again after another interval).
 */
function recheckClient(upstreamToken: string): UpstreamClient {
  const env = getEnv();
  return new UpstreamClient(
    {
      baseUrl: env.UPSTREAM_URL,
      token: upstreamToken,
      timeoutMs: Math.min(env.UPSTREAM_TIMEOUT_MS, RECHECK_TIMEOUT_MS),
      readAttempts: 1,
    },
    PORTAL_MEDIA_PATH,
  );
}

const RECHECK_TIMEOUT_MS = 3_000;

/** The session state of the request being handled; once per request in a render. */
export const sessionState = cache(async (): Promise<SessionState> => {
  return stateOf(new NextRequest(`${getEnv().NEXTAUTH_URL}/`, { headers: await headers() }));
});

/** The full session of the request being handled, upstream token included; null when not live. */
export async function readSession(): Promise<SessionToken | null> {
  const state = await sessionState();
  return state.status === "live" ? state.session : null;
}

/** The live session of a route handler's request; null when absent, ended or expired. */
export async function sessionTokenOf(request: NextRequest): Promise<SessionToken | null> {
  const state = await stateOf(request);
  return state.status === "live" ? state.session : null;
}

async function currentPath(): Promise<string> {
  return safeReturnPath((await headers()).get(PATH_HEADER));
}

/** Sends the user to /session-expired, which clears the ended session and asks them to sign in. */
export async function redirectToExpired(): Promise<never> {
  redirect(`/session-expired?from=${encodeURIComponent(await currentPath())}`);
}

/** The signed-in session; visits without one go to sign in, ended ones to "session expired". */
export async function requireSession(): Promise<SessionToken> {
  const state = await sessionState();
  if (state.status === "live") return state.session;
  if (state.status === "ended") return redirectToExpired();
  redirect(`/sign-in?from=${encodeURIComponent(await currentPath())}`);
}

/** Ends a session on the server for good (sign-out, a refused token). */
export async function endSession(
  session: Pick<SessionToken, "sessionId">,
  reason: "signed-out" | "upstream-refused",
): Promise<void> {
  await endPortalSession(await getDb(), session.sessionId, reason);
}

/**
 * The upstream as the signed-in user. A 401 from the upstream on any call ends the session on the
 * server; then pages and actions (`redirect`, the default) send the user to sign in again, and
 * JSON routes (`report`) get the `unauthorized` error to answer 401 themselves.
 */
export async function sessionUpstream(
  session?: SessionToken,
  options: { onUnauthorized?: "redirect" | "report" } = {},
): Promise<{ session: SessionToken; upstream: UpstreamClient }> {
  const active = session ?? (await requireSession());
  const report = options.onUnauthorized === "report";
  const path = report ? "/" : await currentPath();
  const upstream = upstreamWithToken(active.upstreamToken, async (error: UpstreamError) => {
    await endSession(active, "upstream-refused");
    if (report) throw error;
    redirect(`/session-expired?from=${encodeURIComponent(path)}`);
  });
  return { session: active, upstream };
}
