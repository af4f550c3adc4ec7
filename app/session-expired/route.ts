import { NextResponse, type NextRequest } from "next/server";

import { sessionCookieDeletion, sessionCookieNames } from "@/lib/auth/cookie";
import { safeReturnPath } from "@/lib/auth/return-path";
import { sessionTokenOf } from "@/lib/auth/session";

/** A redirect to a path of this portal, relative: the browser stays on the host it used. */
function seeOther(path: string): NextResponse {
  return new NextResponse(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

/**
 * Where a session that ended (a refused token, lost permissions, run out) is sent: clears its
 * cookies and asks the user to sign in again. A GET never ends a session: a live one (a link on
 * another site, an old bookmark) is sent on to the page it came from, untouched.
 */
export async function GET(request: NextRequest) {
  const from = safeReturnPath(request.nextUrl.searchParams.get("from"));
  if (await sessionTokenOf(request)) return seeOther(from);
  const response = seeOther(`/sign-in?${new URLSearchParams({ reason: "expired", from })}`);
  const present = new Set(request.cookies.getAll().map((cookie) => cookie.name));
  for (const name of sessionCookieNames()) {
    for (const cookie of present) {
      if (cookie === name || cookie.startsWith(`${name}.`)) response.cookies.delete(sessionCookieDeletion(cookie));
    }
  }
  return response;
}
