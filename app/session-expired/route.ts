import { NextResponse, type NextRequest } from "next/server";

import { sessionCookieNames } from "@/lib/auth/cookie";
import { safeReturnPath } from "@/lib/auth/return-path";
import { sessionTokenOf } from "@/lib/auth/session";

/**
 * Where a session that ended (a refused token, lost permissions, run out) is sent: clears its
 * cookies and asks the user to sign in again. A GET never ends a session: a live one (a link on
 * another site, an old bookmark) is sent on to the page it came from, untouched.
 */
export async function GET(request: NextRequest) {
  const from = safeReturnPath(request.nextUrl.searchParams.get("from"));
  if (await sessionTokenOf(request)) return NextResponse.redirect(new URL(from, request.url), 303);
  const target = new URL("/sign-in", request.url);
  target.searchParams.set("reason", "expired");
  target.searchParams.set("from", from);
  const response = NextResponse.redirect(target, 303);
  const present = new Set(request.cookies.getAll().map((cookie) => cookie.name));
  for (const name of sessionCookieNames()) {
    for (const cookie of present) if (cookie === name || cookie.startsWith(`${name}.`)) response.cookies.delete(cookie);
  }
  return response;
}
