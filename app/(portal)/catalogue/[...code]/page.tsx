import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CatalogueReadiness } from "@/components/catalogue/catalogue-readiness";
import { Breadcrumbs } from "@/components/catalogue/breadcrumbs";
import { categoryHref, CategoryTree } from "@/components/catalogue/category-tree";
import { ListControls } from "@/components/catalogue/list-controls";
import { Pagination } from "@/components/catalogue/pagination";
import { ProductGrid } from "@/components/catalogue/product-grid";
import { VatSwitch } from "@/components/catalogue/vat-switch";
import { Link } from "@/components/link";
import { listQuery, parseListParams } from "@/lib/catalogue/list-params";
import { categoryByCode, categoryProducts, categoryTitles, categoryTree } from "@/lib/catalogue/queries";
import { showsPricesIncVat } from "@/lib/catalogue/vat-preference";
import { getDb } from "@/lib/db";

type Props = {
  params: Promise<{ code: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const CODE = /^[A-Za-z0-9._-]{1,100}$/;

async function categoryOf(params: Props["params"]) {
  const segments = (await params).code.map((segment) => decodeURIComponent(segment));
  const code = segments.at(-1);
  if (!code || segments.length > 6 || !segments.every((segment) => CODE.test(segment))) notFound();
  const category = await categoryByCode(await getDb(), code);
  if (!category) notFound();
  return { category, segments };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await categoryOf(params);
  return { title: category.title };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { category, segments } = await categoryOf(params);
  const list = parseListParams(await searchParams);
  // A link with an outdated or partial path still works: it lands on the category's own address.
  if (segments.join("/") !== category.pathCodes.join("/")) {
    redirect(`${categoryHref(category.pathCodes)}${listQuery(list)}`);
  }
  const db = await getDb();
  const [t, roots, titles, page, incVat] = await Promise.all([
    getTranslations("catalogue"),
    categoryTree(db),
    categoryTitles(db, category.pathCodes),
    categoryProducts(db, { categoryCode: category.code, ...list }),
    showsPricesIncVat(),
  ]);
  const trail = category.pathCodes.map((code) => ({ code, title: titles.get(code) ?? code }));
  const findNode = (nodes: typeof roots, depth: number): (typeof roots)[number] | undefined => {
    const node = nodes.find((item) => item.code === category.pathCodes[depth]);
    if (!node || depth === category.pathCodes.length - 1) return node;
    return findNode(node.children, depth + 1);
  };
  const children = findNode(roots, 0)?.children ?? [];
  const base = categoryHref(category.pathCodes);

  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <aside>
        <CategoryTree roots={roots} activePath={category.pathCodes} />
      </aside>
      <div className="min-w-0 space-y-4">
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
            <ul className="flex flex-wrap gap-2">
              {children.map((child) => (
                <li key={child.code}>
                  <Link
                    href={categoryHref(child.pathCodes)}
                    className="inline-flex min-h-touch items-center rounded-full border border-slate-300 bg-white px-3 text-sm hover:border-brand-500"
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
          <ProductGrid products={page.items} incVat={incVat} />
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
