import "server-only";

import { headers } from "next/headers";
import { NextRequest } from "next/server";
import { redirect } from "next/navigation";

import { getEnv } from "@/lib/env";
import { upstreamWithToken, type UpstreamClient } from "@/lib/upstream";

import { PATH_HEADER } from "./path-header";
import { isSessionExpired, safeReturnPath, sessionTokenOf } from "./cookie";
import type { SessionToken } from "./session-types";

/** The full session of the request being rendered, upstream token included. Server code only. */
export async function readSession(): Promise<SessionToken | null> {
  const requestHeaders = await headers();
  return sessionTokenOf(new NextRequest(`${getEnv().NEXTAUTH_URL}/`, { headers: requestHeaders }));
}

async function currentPath(): Promise<string> {
  return safeReturnPath((await headers()).get(PATH_HEADER));
}

/** Ends the session and sends the user to sign in again, back to where they were. */
export async function redirectToExpired(): Promise<never> {
  redirect(`/session-expired?from=${encodeURIComponent(await currentPath())}`);
}

/** The signed-in session; unauthenticated or expired visits are sent to sign in. */
export async function requireSession(): Promise<SessionToken> {
  const session = await readSession();
  if (!session) redirect(`/sign-in?from=${encodeURIComponent(await currentPath())}`);
  if (isSessionExpired(session)) return redirectToExpired();
  return session;
}

/**
 * The upstream as the signed-in user. When the upstream refuses the token
 * (401), the user is signed out and sent to sign in with "session expired".
 */
export async function sessionUpstream(
  session?: SessionToken,
): Promise<{ session: SessionToken; upstream: UpstreamClient }> {
  const active = session ?? (await requireSession());
  const path = await currentPath();
  const upstream = upstreamWithToken(active.upstreamToken, () =>
    redirect(`/session-expired?from=${encodeURIComponent(path)}`),
  );
  return { session: active, upstream };
}
