import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CatalogueReadiness } from "@/components/catalogue/catalogue-readiness";
import { ListControls } from "@/components/catalogue/list-controls";
import { OrderByCode } from "@/components/catalogue/order-by-code";
import { Pagination } from "@/components/catalogue/pagination";
import { ProductGrid } from "@/components/catalogue/product-grid";
import { VatSwitch } from "@/components/catalogue/vat-switch";
import { Link } from "@/components/link";
import { SearchBox } from "@/components/shell/search-box";
import { requireSession } from "@/lib/auth/session";
import { boughtSkusFor } from "@/lib/purchases/buy-again";
import { queryParam } from "@/lib/catalogue/input";
import { listQuery } from "@/lib/catalogue/list-params";
import { searchCatalogue } from "@/lib/catalogue/search-catalogue";
import { cleanQuery } from "@/lib/catalogue/search-terms";
import { notFoundPage } from "@/lib/http/not-found";
import { personalParts } from "@/lib/http/personal-parts";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("search");
  const query = cleanQuery(queryParam(await searchParams)).replace(/[\u0000-\u001F\u007F]|[\uD800-\uDFFF]/gu, "");
  return { title: query ? t("resultsFor", { query }) : t("title") };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const session = await requireSession();
  const found = await searchCatalogue(session, { query: queryParam(params), params });
  if (found.kind === "invalid") return notFoundPage();
  if (found.kind === "product") redirect(`/products/${encodeURIComponent(found.sku)}`);
  const t = await getTranslations("search");
  if (found.kind === "empty") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {found.listing ? (
          <>
            <div className="md:hidden">
              <SearchBox id="page-search" />
            </div>
            <p className="text-slate-700">{t("enterQuery")}</p>
          </>
        ) : (
          <OrderByCode />
        )}
      </div>
    );
  }
  if (found.kind === "no-exact-match") {
    const byCode = await getTranslations("catalogue.byCode");
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold break-words">{t("resultsFor", { query: found.query })}</h1>
        <OrderByCode
          query={found.query}
          notice={
            found.unreachable
              ? byCode("unreachable", { query: found.query })
              : byCode("noExactMatch", { query: found.query })
          }
        />
      </div>
    );
  }
  const { query, list, result, incVat, barcodeMissing } = found;
  const [bought, personal] = await Promise.all([
    boughtSkusFor(
      session,
      result.items.map((item) => item.sku),
    ),
    personalParts(),
  ]);

  return (
    <div className="space-y-4">
      <div className="md:hidden">
        <SearchBox id="page-search" />
      </div>
      <CatalogueReadiness />
      {result.items.map((item) => personal.shape("bought", `${item.sku}:${bought.has(item.sku) ? 1 : 0}`))}
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold break-words">{t("resultsFor", { query })}</h1>
        <p role="status" className="text-sm text-slate-700">
          {result.totalIsLowerBound
            ? t("resultCountMore", { count: result.total })
            : t("resultCount", { count: result.total })}
        </p>
      </div>
      {barcodeMissing ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("barcodeNotFound", { barcode: query })}
        </p>
      ) : null}
      {result.closeMatches ? (
        <p className="text-slate-800">
          {result.correctedQuery ? (
            <>
              {t("correctedMatches", { query, corrected: result.correctedQuery })}{" "}
              <Link
                href={`/search?q=${encodeURIComponent(result.correctedQuery)}`}
                className="font-semibold text-brand-700 underline"
              >
                {t("searchCorrected", { corrected: result.correctedQuery })}
              </Link>
            </>
          ) : (
            t("closeMatches", { query })
          )}
        </p>
      ) : null}
      {result.total === 0 && !list.filters.inStockOnly && !list.filters.dropshipableOnly ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="font-semibold">{t("nothingFound", { query })}</p>
          <p className="mt-1 text-slate-700">{t("tryAgain")}</p>
        </div>
      ) : (
        <>
          <VatSwitch incVat={incVat} />
          <ListControls
            sort={list.sort}
            inStockOnly={list.filters.inStockOnly}
            dropshipableOnly={list.filters.dropshipableOnly}
          />
          {result.items.length ? (
            <ProductGrid products={result.items} incVat={incVat} bought={bought} />
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-700">
              {t("nothingFound", { query })}
            </p>
          )}
          <Pagination
            page={result.page}
            pageCount={result.pageCount}
            hrefFor={(page) => `/search${listQuery({ ...list, page }, { q: query })}`}
          />
        </>
      )}
    </div>
  );
}
