import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ActForCustomerForm } from "@/components/acting/act-for-customer-form";
import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";
import { findCompanies } from "@/lib/acting/find-companies";
import { isStaff } from "@/lib/acting/policy";
import { safeReturnPath } from "@/lib/auth/return-path";
import { redirectToExpired, requireSession } from "@/lib/auth/session";
import { notFoundPage } from "@/lib/http/not-found";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("acting"))("pageTitle") };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Wholesaler staff's customer search as a page: the switcher's GET form lands here (a read: the
 * query may be in the address), and every company has an "Act for this customer" button posting to
 * the server action, which sends the browser back to the page the search started from. The whole
 * switch works without JavaScript.
 */
export default async function CustomersPage({ searchParams }: Props) {
  const session = await requireSession();
  if (!isStaff(session)) return notFoundPage();
  const params = await searchParams;
  const query = (first(params.q) ?? "").trim().slice(0, 100);
  const from = safeReturnPath(first(params.from) ?? "/");
  const t = await getTranslations("acting");
  const found = await findCompanies(session, query);
  if (!found.ok && found.reason === "unauthenticated") return redirectToExpired();

  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("pageTitle")}</h1>
      <p className="text-slate-700">{t("pageIntro")}</p>
      <form method="get" action="/customers" role="search" aria-label={t("pageTitle")} className="space-y-1">
        <input type="hidden" name="from" value={from} />
        <label htmlFor="customer-query" className="block text-sm font-medium">
          {t("switcherLabel")}
        </label>
        <div className="flex max-w-xl">
          <input
            id="customer-query"
            name="q"
            type="search"
            defaultValue={query}
            maxLength={100}
            autoComplete="off"
            placeholder={t("placeholder")}
            className="block min-h-touch w-full min-w-0 rounded-l-md border border-slate-300 px-3 text-base"
          />
          <button type="submit" className={buttonClasses("primary", "rounded-l-none")}>
            {t("search")}
          </button>
        </div>
      </form>
      {found.ok ? (
        <>
          <p role="status" className="text-sm text-slate-700">
            {t("results", { count: found.companies.length })}
          </p>
          {found.skipped > 0 ? (
            <p data-testid="companies-skipped" className="text-sm text-amber-900">
              {t("skipped", { count: found.skipped })}
            </p>
          ) : null}
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {found.companies.map((company) => (
              <li key={company.code} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span className="min-w-0">
                  <span className="block font-medium">{company.name}</span>
                  <span className="block text-sm text-slate-600">
                    <span className="font-mono">{company.code}</span>
                    {company.city ? ` · ${company.city}` : ""}
                  </span>
                </span>
                <ActForCustomerForm code={company.code} name={company.name} from={from} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t(found.reason === "forbidden" ? "error.forbidden" : "error.unavailable")}
        </p>
      )}
      <Link href={from} className="inline-block font-semibold text-brand-700 underline">
        {t("backToPage")}
      </Link>
    </div>
  );
}
