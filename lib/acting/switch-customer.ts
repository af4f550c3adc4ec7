import "server-only";

import { recordAudit, recordRefusal } from "@/lib/audit/log";
import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { getDb } from "@/lib/db";
import { log } from "@/lib/observability/logger";
import { isUpstreamError } from "@/lib/upstream";

import { isStaff, maySwitchTo } from "./policy";

export type SwitchCustomerResult =
  | { ok: true; session: SessionToken }
  | { ok: false; reason: "forbidden" }
  | { ok: false; reason: "too-many"; retryAfterSeconds: number }
  | { ok: false; reason: "not-found" | "unauthenticated" | "unavailable" };

const actorOf = (session: SessionToken) => ({ actorEmail: session.email ?? session.name, actorName: session.name });

/**
 * Switches the customer a person acts for; `null` goes back to their own. Only wholesaler staff
 * may name another customer (the acting policy): anyone else is refused, and the refusal is
 * written to the audit log, folded and limited per person, so that a flood of refused requests
 * neither fills the log nor hides the real entries (and is answered "too many" after a while).
 * Returns the session to keep (the caller writes it into the cookie); the customer's name comes
 * from the upstream, which also says whether the code is a customer at all.
 */
export async function switchCustomer(session: SessionToken, code: string | null): Promise<SwitchCustomerResult> {
  const target = (code ?? session.customerCode).trim().toUpperCase();
  const back = target === session.customerCode.toUpperCase();
  if (!maySwitchTo(session, target)) {
    log().warn({ customer: session.customerCode, target }, "acting for another customer refused");
    const refusal = await recordRefusal(await getDb(), {
      ...actorOf(session),
      action: "forbidden-customer",
      customerCode: target,
      details: { via: "switch" },
    });
    return refusal.limited
      ? { ok: false, reason: "too-many", retryAfterSeconds: refusal.retryAfterSeconds }
      : { ok: false, reason: "forbidden" };
  }
  if (back) {
    const own = { ...session, activeCustomerCode: session.customerCode, activeCompanyName: session.companyName };
    // Only staff act for others; a dealer "going back" to their own account changes nothing worth a row.
    if (isStaff(session))
      await recordAudit(await getDb(), { ...actorOf(session), action: "switch-back", customerCode: target });
    return { ok: true, session: own };
  }

  let companyName: string;
  try {
    const { upstream } = await sessionUpstream(session, { onUnauthorized: "report" });
    companyName = (await upstream.company(target)).name;
  } catch (error) {
    if (isUpstreamError(error, "not_found")) return { ok: false, reason: "not-found" };
    if (isUpstreamError(error, "unauthorized")) return { ok: false, reason: "unauthenticated" };
    if (isUpstreamError(error)) return { ok: false, reason: "unavailable" };
    throw error;
  }
  await recordAudit(await getDb(), { ...actorOf(session), action: "switch-customer", customerCode: target });
  return { ok: true, session: { ...session, activeCustomerCode: target, activeCompanyName: companyName } };
}
