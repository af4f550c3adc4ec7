import "server-only";

import { sessionUpstream } from "@/lib/auth/session";
import type { SessionToken } from "@/lib/auth/session-types";
import { isUpstreamError } from "@/lib/upstream";

import { allCompanies, filterCompanies } from "./companies";
import { isStaff } from "./policy";

export interface CompanyOption {
  code: string;
  name: string;
  city: string;
}

export type FindCompaniesResult =
  { ok: true; companies: CompanyOption[] } | { ok: false; reason: "forbidden" | "unauthenticated" | "unavailable" };

/** The customer switcher's search over all the wholesaler's companies: for staff only. */
export async function findCompanies(session: SessionToken, query: string): Promise<FindCompaniesResult> {
  if (!isStaff(session)) return { ok: false, reason: "forbidden" };
  try {
    const { upstream } = await sessionUpstream(session, { onUnauthorized: "report" });
    const companies = filterCompanies(await allCompanies(upstream), query);
    return {
      ok: true,
      companies: companies.map((company) => ({
        code: company.code,
        name: company.name,
        city: company.address?.city ?? "",
      })),
    };
  } catch (error) {
    if (isUpstreamError(error, "unauthorized")) return { ok: false, reason: "unauthenticated" };
    if (isUpstreamError(error)) return { ok: false, reason: "unavailable" };
    throw error;
  }
}
