import { NextResponse, type NextRequest } from "next/server";

import { mayName } from "@/lib/acting/policy";
import { decodeSessionCookie, isSessionExpired, usesSecureCookies } from "@/lib/auth/cookie";
import type { SessionToken } from "@/lib/auth/session-types";
import { PATH_HEADER } from "@/lib/auth/path-header";
import { safeReturnPath } from "@/lib/auth/return-path";
import { getEnv } from "@/lib/env";
import { FLASH_COOKIE, FLASH_HEADER } from "@/lib/http/flash";
import { composedDocument } from "@/lib/http/document-composer";
import { SHARED_RENDER_HEADER } from "@/lib/http/personal-placeholders";
import { isFillRequest, sharedDocument } from "@/lib/http/shared-documents";
import { contentSecurityPolicy, newNonce } from "@/lib/security/csp";

/** Paths anyone may open: signing in, and what the sign-in page itself needs. */
const PUBLIC_PATHS = [
  /^\/sign-in(\/|$)/,
  /^\/session-expired(\/|$)/,
  /^\/api\/auth\//,
  /^\/api\/health(\/live|\/ready)?$/,
  // Prometheus' scrape: the route itself admits only its Bearer token or the loopback address.
  /^\/metrics$/,
  /^\/offline$/,
];

/**
 * Query parameters by which a URL could name a customer, in any spelling ("customer_code",
 * "customerCode", "Customer-ID"): only wholesaler staff may.
 */
const CUSTOMER_PARAMS = new Set(["customer", "customerid", "customercode"]);

/** The customer code a URL names that this person may not name (see lib/acting/policy), if any. */
function forbiddenCustomer(
  request: NextRequest,
  who: { permissions: readonly string[]; customerCode: string },
): string | undefined {
  for (const [name, value] of request.nextUrl.searchParams) {
    if (!CUSTOMER_PARAMS.has(name.toLowerCase().replace(/[^a-z]/g, ""))) continue;
    if (!mayName(who, value)) return value;
  }
  return undefined;
}

function withSecurity(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

/**
 * Runs before every page and route handler: sets the CSP nonce, and sends
 * visitors without a session cookie to sign in. Whether the server still knows
 * the session (signed out, refused, permissions lost) is checked by the session
 * read every page, action and route makes (lib/auth/session.ts), on the database.
 * API routes answer 401 instead of redirecting.
 */
export async function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    development: env.NODE_ENV === "development",
    https: usesSecureCookies(),
  });
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/media/")) {
    // Pictures need no session and no CSP; only an address Next could not decode is answered here.
    return undecodable(pathname) ? new NextResponse(null, { status: 404 }) : NextResponse.next();
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set(PATH_HEADER, safeReturnPath(`${pathname}${search}`));
  // A form's message after its redirect (lib/http/flash.ts): only this proxy sets the header, for
  // the one page a browser opens next, and the cookie goes with that answer (a reload says nothing).
  requestHeaders.delete(FLASH_HEADER);
  // A page's shared copy (lib/http/personal-parts.ts) is rendered only for this process's own fetch.
  requestHeaders.delete(SHARED_RENDER_HEADER);
  if (isFillRequest(request)) requestHeaders.set(SHARED_RENDER_HEADER, "1");
  const flash = request.method === "GET" && isDocument(request) ? request.cookies.get(FLASH_COOKIE)?.value : undefined;
  if (flash) requestHeaders.set(FLASH_HEADER, flash);

  // The session cookie as decoded here (the pages check it against the database); none on public paths.
  let session: SessionToken | null = null;
  if (!PUBLIC_PATHS.some((pattern) => pattern.test(pathname))) {
    session = await decodeSessionCookie(request);
    const named = session ? forbiddenCustomer(request, session) : undefined;
    if (session && named !== undefined) {
      // No email address in the log: the customer code says who asked.
      console.warn(`refused: a user of ${session.customerCode} named customer ${JSON.stringify(named)} in ${pathname}`);
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
  const isPagePost = request.method === "POST" && !ROUTE_HANDLERS.some((pattern) => pattern.test(pathname));
  if (isPagePost && bodyTooLarge(request)) {
    // Next answers a server action's body past its limit with a 500, posted by script (next-action)
    // or natively by a form before hydration ($ACTION_ID_ in the body); nothing a form sends comes near it.
    return withSecurity(new NextResponse("Request too large.", { status: 413 }), csp);
  }
  if (undecodable(pathname) || hasControlCharacters(request)) {
    // Malformed percent-encoding (%FF, a lone surrogate %ED%A0%80) or a NUL names no page: Next's own
    // decoding of the route's parameters would answer 500, and a page that finds nothing answers
    // without its document. Not found instead, in the user's language; an API says 400.
    if (pathname.startsWith("/api/")) {
      return withSecurity(NextResponse.json({ message: "The request is not readable." }, { status: 400 }), csp);
    }
    return withSecurity(
      NextResponse.rewrite(new URL("/_not-found-path", request.url), { request: { headers: requestHeaders } }),
      csp,
    );
  }
  // A page the same for everyone (the offline page): its copy rendered once, with this answer's nonce.
  const shared = flash ? null : await sharedDocument(request, nonce);
  if (shared) return withSecurity(shared, csp);
  // A product page from its shared copy, with this user's own parts (lib/http/personal-documents.ts).
  const composed =
    flash || isRouterRequest(request) || !session ? null : await composedDocument(request, nonce, session);
  if (composed) return withSecurity(composed, csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  if (flash) response.cookies.set(FLASH_COOKIE, "", { path: "/", maxAge: 0 });
  return withSecurity(response, csp);
}

/** A page the browser opens (not a script's fetch, a picture or an RSC request of the client router). */
function isDocument(request: NextRequest): boolean {
  const destination = request.headers.get("sec-fetch-dest");
  if (destination) return destination === "document";
  return !request.headers.has("rsc") && (request.headers.get("accept") ?? "").includes("text/html");
}

/** A request of the client router or of a form's action (an RSC payload, a prefetch), not for a page's HTML. */
function isRouterRequest(request: NextRequest): boolean {
  return ["rsc", "next-router-prefetch", "next-router-state-tree", "next-action"].some((name) =>
    request.headers.has(name),
  );
}

/** The limit of a server action's body (Next's default `serverActions.bodySizeLimit`). */
const ACTION_BODY_LIMIT = 1024 * 1024;

function bodyTooLarge(request: NextRequest): boolean {
  const length = Number(request.headers.get("content-length") ?? 0);
  return Number.isFinite(length) && length > ACTION_BODY_LIMIT;
}

/** C0 control characters other than tab, CR and LF (NUL above all): no product, order or word has one. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * Route handlers outside /api that read their own query and answer bad values with a 400 of their
 * own (in the user's language where they have one): the query check below leaves them to it.
 */
const ROUTE_HANDLERS = [
  /^\/api\//,
  /^\/orders\/export$/,
  /^\/orders\/[^/]+\/status$/,
  /^\/session-expired$/,
  /^\/metrics$/,
];

function hasControlCharacters(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  try {
    if (CONTROL.test(decodeURIComponent(pathname))) return true;
  } catch {
    return true;
  }
  if (ROUTE_HANDLERS.some((pattern) => pattern.test(pathname))) return false;
  for (const [name, value] of request.nextUrl.searchParams) {
    if (CONTROL.test(name) || CONTROL.test(value)) return true;
  }
  return false;
}

function undecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icons/|manifest.webmanifest|sw.js|robots.txt).*)"],
};
