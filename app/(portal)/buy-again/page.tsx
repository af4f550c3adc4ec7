import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { Pagination } from "@/components/catalogue/pagination";
import { Link } from "@/components/link";
import { BoughtList } from "@/components/purchases/bought-list";
import { buttonClasses } from "@/components/ui/button";
import { activeCustomer } from "@/lib/acting/policy";
import { requireSession } from "@/lib/auth/session";
import { showsPricesIncVat } from "@/lib/catalogue/vat-preference";
import type { SearchParams } from "@/lib/http/raw-query";
import { BUY_AGAIN_PAGE_SIZE, buyAgain, QUERY_MAX } from "@/lib/purchases/buy-again";
import { lastPricesFor } from "@/lib/purchases/last-prices";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("buyAgain"))("title") };
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

/** The address of a page of the list: the search and the page number, nothing else. */
function hrefFor(query: string, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  if (page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `/buy-again?${text}` : "/buy-again";
}

/**
 * "Buy again": what the active customer ordered before, newest first, searchable with a GET form
 * (a search is no change) and paged; each product with its stock in words and Add to cart.
 */
export default async function BuyAgainPage({ searchParams }: Props) {
  const raw = await searchParams;
  const typed = first(raw.q).trim();
  const pageNumber = /^\d{1,6}$/.test(first(raw.page)) ? Number(first(raw.page)) : 1;
  const session = await requireSession();
  const [t, view, incVat] = await Promise.all([
    getTranslations("buyAgain"),
    buyAgain(session, { query: typed, page: pageNumber }),
    showsPricesIncVat(),
  ]);
  const lastPrices = await lastPricesFor(
    session,
    view.items.map((item) => item.sku),
  );
  const company = session.activeCompanyName ?? activeCustomer(session);
  const firstShown = view.total ? (view.page - 1) * BUY_AGAIN_PAGE_SIZE + 1 : 0;

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { company })}</p>
      </div>
      <form method="get" action="/buy-again" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="buy-again-q" className="block text-sm font-semibold">
            {t("searchLabel")}
          </label>
          <input
            id="buy-again-q"
            name="q"
            type="search"
            defaultValue={typed}
            placeholder={t("searchPlaceholder")}
            autoComplete="off"
            className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 px-3"
          />
        </div>
        <button type="submit" className={buttonClasses("primary")}>
          {t("search")}
        </button>
        {view.query ? (
          <Link href="/buy-again" className={buttonClasses("secondary")}>
            {t("clear")}
          </Link>
        ) : null}
      </form>
      {typed.length > QUERY_MAX ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("queryCut", { max: QUERY_MAX })}
        </p>
      ) : null}
      {view.upToDate ? null : (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("notUpToDate")}
        </p>
      )}
      {view.total ? (
        <>
          <p className="text-sm text-slate-700" role="status">
            {t("caption", {
              first: firstShown,
              last: firstShown + view.items.length - 1,
              total: view.total,
            })}
          </p>
          <BoughtList items={view.items} lastPrices={lastPrices} incVat={incVat} />
          <Pagination page={view.page} pageCount={view.pageCount} hrefFor={(target) => hrefFor(view.query, target)} />
        </>
      ) : (
        <div role="status" className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="font-semibold">{view.query ? t("noMatches", { query: view.query }) : t("none")}</p>
          {view.query ? null : <p className="mt-1 text-slate-700">{t("noneHint")}</p>}
        </div>
      )}
    </div>
  );
}
