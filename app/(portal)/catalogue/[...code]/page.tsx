import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CatalogueReadiness } from "@/components/catalogue/catalogue-readiness";
import { Breadcrumbs } from "@/components/catalogue/breadcrumbs";
import { categoryHref, CategoryTree } from "@/components/catalogue/category-tree";
import { ListControls } from "@/components/catalogue/list-controls";
import { OrderByCode } from "@/components/catalogue/order-by-code";
import { Pagination } from "@/components/catalogue/pagination";
import { ProductGrid } from "@/components/catalogue/product-grid";
import { VatSwitch } from "@/components/catalogue/vat-switch";
import { Link } from "@/components/link";
import { requireSession } from "@/lib/auth/session";
import { boughtSkusFor } from "@/lib/purchases/buy-again";
import { categoryTitle, showCategory } from "@/lib/catalogue/browse";
import { listQuery } from "@/lib/catalogue/list-params";
import { notFoundPage } from "@/lib/http/not-found";
import { personalParts } from "@/lib/http/personal-parts";

type Props = {
  params: Promise<{ code: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = await categoryTitle(await requireSession(), (await params).code);
  return { title: title ?? (await getTranslations("catalogue"))("title") };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const shown = await showCategory(await requireSession(), {
    path: (await params).code,
    params: await searchParams,
  });
  if (shown.kind === "not-found") return notFoundPage();
  // A link with an outdated or partial path still works: it lands on the category's own address.
  if (shown.kind === "moved") redirect(`${categoryHref(shown.pathCodes)}${listQuery(shown.list)}`);
  const t = await getTranslations("catalogue");
  if (shown.kind === "listing-not-allowed") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <OrderByCode />
      </div>
    );
  }
  const { category, trail, roots, children, list, page, incVat } = shown;
  const base = categoryHref(category.pathCodes);
  const [bought, personal] = await Promise.all([
    boughtSkusFor(
      await requireSession(),
      page.items.map((item) => item.sku),
    ),
    personalParts(),
  ]);

  return (
    <div className="grid gap-3 md:gap-6 lg:grid-cols-[16rem_1fr]">
      <aside>
        <CategoryTree roots={roots} activePath={category.pathCodes} />
      </aside>
      <div className="min-w-0 space-y-3 md:space-y-4">
        {page.items.map((item) => personal.shape("bought", `${item.sku}:${bought.has(item.sku) ? 1 : 0}`))}
        <Breadcrumbs trail={trail} />
        <CatalogueReadiness />
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-bold">{category.title}</h1>
          <p className="text-sm text-slate-700" role="status">
            {page.totalIsLowerBound
              ? t("productCountMore", { count: page.total })
              : t("productCount", { count: page.total })}
          </p>
        </div>
        {children.length ? (
          <nav aria-label={t("subcategories")}>
            {/* On a phone one row that scrolls sideways, so the products start on the first screen. */}
            <ul className="flex gap-2 overflow-x-auto pb-1 md:flex-wrap md:overflow-visible md:pb-0">
              {children.map((child) => (
                <li key={child.code} className="shrink-0">
                  <Link
                    href={categoryHref(child.pathCodes)}
                    className="inline-flex min-h-touch items-center rounded-full border border-slate-300 bg-white px-3 text-sm whitespace-nowrap hover:border-brand-500"
                  >
                    {child.title}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <VatSwitch incVat={incVat} />
        </div>
        <ListControls
          sort={list.sort}
          inStockOnly={list.filters.inStockOnly}
          dropshipableOnly={list.filters.dropshipableOnly}
        />
        {page.items.length ? (
          <ProductGrid products={page.items} incVat={incVat} bought={bought} />
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-slate-700">
            {t("empty")}{" "}
            <Link href={base} className="font-semibold text-brand-700 underline">
              {t("clearFilters")}
            </Link>
          </p>
        )}
        <Pagination
          page={page.page}
          pageCount={page.pageCount}
          hrefFor={(number) => `${base}${listQuery({ ...list, page: number })}`}
        />
      </div>
    </div>
  );
}
