import "server-only";

import type { Company } from "@/lib/domain/company";
import type { UpstreamClient } from "@/lib/upstream/client";

/**
 * All companies of the wholesaler, for the staff's customer switcher: read
 * through every page the upstream links (`links.next`, bounded by the gateway)
 * and kept for a few minutes in this process, with how many records could not
 * be read (`skipped`: left out, never hiding the others).
 */
const TTL_MS = 5 * 60_000;

export interface CompanyDirectory {
  companies: Company[];
  skipped: number;
}

let cached: { at: number; directory: CompanyDirectory } | null = null;
let loading: Promise<CompanyDirectory> | null = null;

async function loadAll(upstream: UpstreamClient): Promise<CompanyDirectory> {
  const listed = await upstream.allCompanies();
  return { companies: [...listed], skipped: listed.skipped };
}

export async function allCompanies(upstream: UpstreamClient, now = Date.now()): Promise<CompanyDirectory> {
  if (cached && now - cached.at < TTL_MS) return cached.directory;
  loading ??= loadAll(upstream)
    .then((directory) => {
      cached = { at: Date.now(), directory };
      return directory;
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** Companies matching every word of the query in code, name or city; codes that start with it first. */
export function filterCompanies(companies: readonly Company[], query: string, limit = 50): Company[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = (company: Company) =>
    `${company.code} ${company.name} ${company.address?.city ?? ""} ${company.address?.postalCode ?? ""}`.toLowerCase();
  const matches = words.length
    ? companies.filter((company) => words.every((word) => haystack(company).includes(word)))
    : [...companies];
  const first = words[0] ?? "";
  return matches
    .sort(
      (a, b) =>
        Number(!a.code.toLowerCase().startsWith(first)) - Number(!b.code.toLowerCase().startsWith(first)) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, limit);
}
