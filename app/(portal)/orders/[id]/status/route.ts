import { NextResponse } from "next/server";

import { isSessionExpired } from "@/lib/auth/cookie";
import { readSession } from "@/lib/auth/session";
import { parseOrderId } from "@/lib/orders/order-id";
import { orderStatus } from "@/lib/orders/show-order";

type Context = { params: Promise<{ id: string }> };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "private, no-store", ...headers } });

/**
 * The current status of one order, for the order page's background refresh:
 * `{status, statusRaw, updatedAt}`. 404 for a segment that is not an order
 * id (see order-id.ts) or an order the user may not see; 401 when the session or the
 * upstream token is gone (the page then sends the user to sign in again).
 */
export async function GET(_request: Request, { params }: Context) {
  const id = parseOrderId((await params).id);
  if (id === null) return json({ message: "Not found." }, 404);
  const session = await readSession();
  if (!session || isSessionExpired(session)) return json({ message: "Unauthenticated." }, 401);
  const report = await orderStatus(session, id);
  if (!report) return json({ message: "Not found." }, 404);
  if (report.ok) {
    return json({
      status: report.value.status,
      statusRaw: report.value.statusRaw,
      updatedAt: report.value.updatedAt?.toISOString() ?? null,
    });
  }
  if (report.kind === "unauthorized") return json({ message: "Unauthenticated." }, 401);
  const retry = report.retryAfterSeconds ? { "Retry-After": String(report.retryAfterSeconds) } : undefined;
  return json({ message: "The wholesaler cannot be reached." }, report.kind === "rate_limited" ? 429 : 503, retry);
}
