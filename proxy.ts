import { NextResponse, type NextRequest } from "next/server";

import { isSessionExpired, safeReturnPath, sessionTokenOf, usesSecureCookies } from "@/lib/auth/cookie";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { PERMISSION_COMPANIES } from "@/lib/domain/user";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

/** Paths anyone may open: signing in, and what the sign-in page itself needs. */
const PUBLIC_PATHS = [
  /^\/sign-in(\/|$)/,
  /^\/session-expired(\/|$)/,
  /^\/api\/auth\//,
  /^\/api\/health$/,
  /^\/offline$/,
];

/**
 * Query parameters by which a URL could name a customer, in any spelling ("customer_code",
 * "customerCode", "Customer-ID"): only wholesaler staff may.
 */
const CUSTOMER_PARAMS = new Set(["customer", "customerid", "customercode"]);

function namesAnotherCustomer(request: NextRequest, own: string): boolean {
  for (const [name, value] of request.nextUrl.searchParams) {
    if (!CUSTOMER_PARAMS.has(name.toLowerCase().replace(/[^a-z]/g, ""))) continue;
    if (value.trim().toUpperCase() !== own.toUpperCase()) return true;
  }
  return false;
}

function withSecurity(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * Runs before every page and route handler: sets the CSP nonce, and sends
 * visitors without a valid session to sign in (a guard in the signed-in
 * layout checks again). API routes answer 401 instead of redirecting.
 */
export async function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    development: env.NODE_ENV === "development",
    https: usesSecureCookies(),
  });
  const { pathname, search } = request.nextUrl;
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(PATH_HEADER, `${pathname}${search}`);

  if (!PUBLIC_PATHS.some((pattern) => pattern.test(pathname))) {
    const session = await sessionTokenOf(request);
    if (
      session &&
      !session.permissions.includes(PERMISSION_COMPANIES) &&
      namesAnotherCustomer(request, session.customerCode)
    ) {
      console.warn(
        `refused: ${session.email ?? session.name} (${session.customerCode}) asked for ${pathname}${search}`,
      );
      return withSecurity(new NextResponse("Forbidden", { status: 403 }), csp);
    }
    if (!session || isSessionExpired(session)) {
      if (pathname.startsWith("/api/")) {
        return withSecurity(NextResponse.json({ message: "Unauthenticated." }, { status: 401 }), csp);
      }
      const target = new URL(session ? "/session-expired" : "/sign-in", request.url);
      target.searchParams.set("from", safeReturnPath(`${pathname}${search}`));
      return withSecurity(NextResponse.redirect(target), csp);
    }
  }
  return withSecurity(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icons/|media/|manifest.webmanifest|sw.js|robots.txt).*)"],
};
