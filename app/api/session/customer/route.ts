import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";

import { recordAudit } from "@/lib/audit/log";
import { isSessionExpired, sessionTokenOf, writeSessionCookie } from "@/lib/auth/cookie";
import { getDb } from "@/lib/db";
import { PERMISSION_COMPANIES } from "@/lib/domain/user";
import { isUpstreamError, upstreamWithToken } from "@/lib/upstream";

const body = z.object({
  /** The customer to act for; null goes back to the user's own account. */
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,20}$/)
    .nullable(),
});

/**
 * Switches the customer a member of the wholesaler's staff acts for. The
 * active customer lives in the encrypted session; everything else (cart,
 * orders, checkout) reads it from there. Anyone else is refused with 403, logged.
 */
export async function POST(request: NextRequest) {
  const origin = request.headers.get("origin");
  if (origin && origin !== request.nextUrl.origin && new URL(origin).host !== request.headers.get("host")) {
    return NextResponse.json({ message: "Cross-site request refused." }, { status: 403 });
  }
  const session = await sessionTokenOf(request);
  if (!session || isSessionExpired(session)) return NextResponse.json({ message: "Unauthenticated." }, { status: 401 });
  let input: unknown;
  try {
    input = await request.json();
  } catch {
    return NextResponse.json({ message: "The body must be JSON." }, { status: 400 });
  }
  const parsed = body.safeParse(input);
  if (!parsed.success) return NextResponse.json({ message: "The code is not a customer code." }, { status: 422 });
  const db = await getDb();
  const actor = { actorEmail: session.email ?? session.name, actorName: session.name };
  const target = parsed.data.code ?? session.customerCode;

  if (!session.permissions.includes(PERMISSION_COMPANIES)) {
    if (target !== session.customerCode) {
      console.warn(`refused: ${actor.actorEmail} (${session.customerCode}) tried to act for ${target}`);
      await recordAudit(db, {
        ...actor,
        action: "forbidden-customer",
        customerCode: target,
        details: { via: "switch" },
      });
    }
    return NextResponse.json({ message: "This action is unauthorized." }, { status: 403 });
  }

  let companyName: string | null = null;
  if (target !== session.customerCode) {
    try {
      companyName = (await upstreamWithToken(session.upstreamToken).company(target)).name;
    } catch (error) {
      if (isUpstreamError(error, "not_found"))
        return NextResponse.json({ message: "No such customer." }, { status: 404 });
      if (isUpstreamError(error, "unauthorized"))
        return NextResponse.json({ message: "Unauthenticated." }, { status: 401 });
      if (isUpstreamError(error))
        return NextResponse.json({ message: "The wholesaler is not reachable." }, { status: 503 });
      throw error;
    }
  }
  const back = target === session.customerCode;
  const response = NextResponse.json({
    activeCustomerCode: target,
    activeCompanyName: back ? session.companyName : companyName,
  });
  await writeSessionCookie(response, {
    ...session,
    activeCustomerCode: target,
    activeCompanyName: back ? session.companyName : companyName,
  });
  await recordAudit(db, { ...actor, action: back ? "switch-back" : "switch-customer", customerCode: target });
  return response;
}
