import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { switchCustomer } from "@/lib/acting/switch-customer";
import { isSessionExpired, writeSessionCookie } from "@/lib/auth/cookie";
import { sessionTokenOf } from "@/lib/auth/session";

const body = z.object({
  /** The customer to act for; null goes back to the user's own account. */
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,20}$/)
    .nullable(),
});

/** A body this small is all the route ever needs: `{"code":"EA00001"}`. */
const MAX_BODY_CHARS = 1_000;

const json = (message: string, status: number, headers: Record<string, string> = {}) =>
  NextResponse.json({ message }, { status, headers: { "Cache-Control": "private, no-store", ...headers } });

/**
 * A browser's request from this portal: no Origin (same-origin GETs and non-browser clients), or
 * an Origin that parses and names this host. `Origin: null` (sandboxed frames, some redirects,
 * file: pages) and anything malformed are cross-site.
 */
function fromThisSite(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  return url.origin === request.nextUrl.origin || url.host === request.headers.get("host");
}

/**
 * Switches the customer the session acts for (lib/acting/switch-customer.ts decides and logs).
 * The active customer lives in the encrypted session; everything else (cart, orders, checkout)
 * reads it from there. Anyone but wholesaler staff is refused with 403 (429 when they keep trying).
 */
export async function POST(request: NextRequest) {
  if (!fromThisSite(request)) return json("Cross-site request refused.", 403);
  const session = await sessionTokenOf(request);
  if (!session || isSessionExpired(session)) return json("Unauthenticated.", 401);
  let input: unknown;
  try {
    const text = await request.text();
    if (text.length > MAX_BODY_CHARS) return json("The body is too large.", 413);
    input = JSON.parse(text);
  } catch {
    return json("The body must be JSON.", 400);
  }
  const parsed = body.safeParse(input);
  if (!parsed.success) return json("The code is not a customer code.", 422);

  const result = await switchCustomer(session, parsed.data.code);
  if (!result.ok) {
    switch (result.reason) {
      case "forbidden":
        return json("This action is unauthorized.", 403);
      case "too-many":
        return json("Too many refused requests.", 429, { "Retry-After": String(result.retryAfterSeconds) });
      case "not-found":
        return json("No such customer.", 404);
      case "unauthenticated":
        return json("Unauthenticated.", 401);
      case "unavailable":
        return json("The wholesaler is not reachable.", 503);
    }
  }
  const { activeCustomerCode, activeCompanyName } = result.session;
  const response = NextResponse.json(
    { activeCustomerCode, activeCompanyName },
    { headers: { "Cache-Control": "private, no-store" } },
  );
  await writeSessionCookie(response, { ...result.session });
  return response;
}
