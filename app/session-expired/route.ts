import { NextResponse, type NextRequest } from "next/server";

import { safeReturnPath, sessionCookieNames } from "@/lib/auth/cookie";

/** Ends a session whose upstream token ran out, and asks the user to sign in again. */
export function GET(request: NextRequest) {
  const target = new URL("/sign-in", request.url);
  target.searchParams.set("reason", "expired");
  target.searchParams.set("from", safeReturnPath(request.nextUrl.searchParams.get("from")));
  const response = NextResponse.redirect(target);
  const present = new Set(request.cookies.getAll().map((cookie) => cookie.name));
  for (const name of sessionCookieNames()) {
    for (const cookie of present) if (cookie === name || cookie.startsWith(`${name}.`)) response.cookies.delete(cookie);
  }
  return response;
}
