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
  | {
      ok: true;
      companies: CompanyOption[];
      /** Companies the wholesaler sent that could not be read: left out of every search. */
      skipped: number;
    }
  | { ok: false; reason: "forbidden" | "unauthenticated" | "unavailable" };

/** The customer switcher's search over all the wholesaler's companies: for staff only. */
export async function findCompanies(session: SessionToken, query: string): Promise<FindCompaniesResult> {
  if (!isStaff(session)) return { ok: false, reason: "forbidden" };
  try {
    const { upstream } = await sessionUpstream(session, { onUnauthorized: "report" });
    const directory = await allCompanies(upstream);
    const companies = filterCompanies(directory.companies, query);
    return {
      ok: true,
      skipped: directory.skipped,
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
