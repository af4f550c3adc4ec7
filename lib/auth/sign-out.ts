import "server-only";

import { cookies, headers } from "next/headers";
import { NextRequest } from "next/server";

import { getEnv } from "@/lib/env";

import { decodeSessionCookie, sessionCookieDeletion, sessionCookieNames } from "./cookie";
import { endSession } from "./session";

/**
 * Signing out: the session's record is ended on the server (a copy of the cookie kept elsewhere
 * opens nothing afterwards) and the session cookies are cleared.
 */
export async function signOut(): Promise<void> {
  // The cookie as it is, live or not: whatever session it names ends here.
  const session = await decodeSessionCookie(new NextRequest(`${getEnv().NEXTAUTH_URL}/`, { headers: await headers() }));
  if (session) await endSession(session, "signed-out");
  await clearSessionCookies();
}

/** Deletes the session cookies of this request's response (chunked ones too). */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  const names = sessionCookieNames();
  for (const cookie of jar.getAll()) {
    if (names.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`))) {
      jar.delete(sessionCookieDeletion(cookie.name));
    }
  }
}
