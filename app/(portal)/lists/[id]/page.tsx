import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";

import { SalesUnitText } from "@/components/catalogue/product-price";
import { StockBadge } from "@/components/catalogue/stock-badge";
import { Link } from "@/components/link";
import { ImportForm } from "@/components/lists/import-form";
import { ListLines } from "@/components/lists/list-lines";
import { ListTools } from "@/components/lists/list-tools";
import { buttonClasses } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import { unitName } from "@/lib/i18n/units";
import { showList, type ShownListLine } from "@/lib/lists/read";
import { parseListId } from "@/lib/lists/schemas";
import { notFoundPage } from "@/lib/http/not-found";

type Props = { params: Promise<{ id: string }> };

/** The page and its metadata read the list once per request; another customer's id is not found. */
const load = cache(async (raw: string) => {
  const id = parseListId(raw);
  if (!id) return notFoundPage();
  const list = await showList(await requireSession(), { id });
  if (!list) return notFoundPage();
  return list;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load((await params).id)).name };
}

export default async function ListPage({ params }: Props) {
  const list = await load((await params).id);
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const unit = (code: string) => unitName((key, values) => t(`units.${key}`, values), code, 1);

  function details(line: ShownListLine) {
    const product = line.product;
    const title = product?.title ?? line.sku;
    return (
      <div className="space-y-1">
        {product ? (
          <Link
            href={`/products/${encodeURIComponent(line.sku)}`}
            className="font-semibold break-words text-brand-700 underline"
          >
            {title}
          </Link>
        ) : (
          <span className="font-semibold break-words">{title}</span>
        )}
        <p className="text-xs text-slate-600">
          {t("lists.detail.sku")}: <span className="font-mono">{line.sku}</span>
        </p>
        {product ? (
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <StockBadge colour={product.stockColour} />
            {product.priceOnDemand ? (
              <span className="font-semibold">{t("lists.detail.priceOnDemand")}</span>
            ) : product.priceExVat === null ? (
              <span className="text-slate-600">{t("lists.detail.noPrice")}</span>
            ) : (
              <span>
                <span className="text-xs text-slate-600">{t("lists.detail.listPrice")}</span>{" "}
                <span className="font-semibold">{format.number(product.priceExVat, "money")}</span>{" "}
                <span className="text-xs text-slate-600">
                  {t("lists.detail.perUnit", { unit: unit(product.priceUnit) })} · {t("lists.detail.exVat")}
                </span>
              </span>
            )}
            <span className="text-xs text-slate-700">
              <SalesUnitText salesUnit={product.salesUnit} amount={product.salesUnitAmount} />
            </span>
          </div>
        ) : null}
        {line.orderability !== "orderable" ? (
          <p className="text-sm font-semibold text-red-800">
            <span aria-hidden="true">✕ </span>
            {line.orderability === "unknown"
              ? t("lists.detail.unknownProduct")
              : line.orderability === "blocked"
                ? t("lists.detail.blocked")
                : t("lists.detail.unavailable")}
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <Link href="/lists" className="text-sm text-brand-700 underline">
        <span aria-hidden="true">← </span>
        {t("lists.back")}
      </Link>
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="min-w-0 text-2xl font-bold break-words">{list.name}</h1>
        <p className="text-sm text-slate-700">{t("lists.lineCount", { count: list.lines.length })}</p>
      </div>

      <section aria-labelledby="lines-title" className="space-y-3">
        <h2 id="lines-title" className="text-lg font-semibold">
          {t("lists.detail.linesTitle")}
        </h2>
        {list.lines.length ? (
          <ListLines
            listId={list.id}
            lines={list.lines.map((line) => ({
              sku: line.sku,
              title: line.product?.title ?? line.sku,
              quantity: line.quantity,
              details: details(line),
            }))}
          />
        ) : (
          <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
            {t("lists.detail.emptyList")}
          </p>
        )}
      </section>

      <ImportForm listId={list.id} />

      <section aria-labelledby="tools-title" className="space-y-3">
        <h2 id="tools-title" className="text-lg font-semibold">
          {t("lists.detail.tools")}
        </h2>
        <a href={`/lists/${list.id}/export`} download className={buttonClasses("secondary")}>
          {t("lists.detail.export")}
        </a>
        <ListTools listId={list.id} name={list.name} />
      </section>
    </div>
  );
}
