import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CatalogueReadiness } from "@/components/catalogue/catalogue-readiness";
import { ListControls } from "@/components/catalogue/list-controls";
import { Pagination } from "@/components/catalogue/pagination";
import { ProductGrid } from "@/components/catalogue/product-grid";
import { VatSwitch } from "@/components/catalogue/vat-switch";
import { Link } from "@/components/link";
import { SearchBox } from "@/components/shell/search-box";
import { requireSession } from "@/lib/auth/session";
import { listQuery, parseListParams } from "@/lib/catalogue/list-params";
import { lookupProduct } from "@/lib/catalogue/product-lookup";
import { searchProducts } from "@/lib/catalogue/search";
import { cleanQuery, looksLikeBarcode } from "@/lib/catalogue/search-terms";
import { showsPricesIncVat } from "@/lib/catalogue/vat-preference";
import { getDb } from "@/lib/db";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("search");
  const raw = (await searchParams).q;
  const query = cleanQuery(typeof raw === "string" ? raw : "");
  return { title: query ? t("resultsFor", { query }) : t("title") };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = cleanQuery(typeof params.q === "string" ? params.q : "");
  const t = await getTranslations("search");
  if (!query) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <div className="md:hidden">
          <SearchBox id="page-search" />
        </div>
        <p className="text-slate-700">{t("enterQuery")}</p>
      </div>
    );
  }

  let barcodeMissing = false;
  if (looksLikeBarcode(query)) {
    const found = await lookupProduct(await requireSession(), { barcode: query });
    if (found && found.source !== "unreachable") redirect(`/products/${encodeURIComponent(found.product.sku)}`);
    barcodeMissing = true;
  }

  const list = parseListParams(params);
  const [result, incVat] = await Promise.all([searchProducts(await getDb(), { query, ...list }), showsPricesIncVat()]);

  return (
    <div className="space-y-4">
      <div className="md:hidden">
        <SearchBox id="page-search" />
      </div>
      <CatalogueReadiness />
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
            <ProductGrid products={result.items} incVat={incVat} />
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
