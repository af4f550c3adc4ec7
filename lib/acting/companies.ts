import "server-only";

import type { Company } from "@/lib/domain/company";
import type { UpstreamClient } from "@/lib/upstream/client";

/**
 * All companies of the wholesaler, for the staff's customer switcher: read
 * page by page from the upstream and kept for a few minutes in this process.
 */
const TTL_MS = 5 * 60_000;
const MAX_PAGES = 200;
let cached: { at: number; companies: Company[] } | null = null;
let loading: Promise<Company[]> | null = null;

async function loadAll(upstream: UpstreamClient): Promise<Company[]> {
  const first = await upstream.companies(1);
  const companies = [...first.companies];
  for (let page = 2; page <= Math.min(first.lastPage, MAX_PAGES); page++) {
    companies.push(...(await upstream.companies(page)).companies);
  }
  return companies;
}

export async function allCompanies(upstream: UpstreamClient, now = Date.now()): Promise<Company[]> {
  if (cached && now - cached.at < TTL_MS) return cached.companies;
  loading ??= loadAll(upstream)
    .then((companies) => {
      cached = { at: Date.now(), companies };
      return companies;
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
