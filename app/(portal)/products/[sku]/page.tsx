import type { Metadata } from "next";
import { cache } from "react";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { ProductAddToCart } from "@/components/cart/product-add-to-cart";
import { categoryHref } from "@/components/catalogue/category-tree";
import { ProductFiles } from "@/components/catalogue/product-files";
import { ProductImage } from "@/components/catalogue/product-image";
import { ProductNotFound } from "@/components/catalogue/product-not-found";
import { SalesUnitText } from "@/components/catalogue/product-price";
import { StockBadge } from "@/components/catalogue/stock-badge";
import { LastPricePaid } from "@/components/purchases/last-price-paid";
import { Link } from "@/components/link";
import { AddToList } from "@/components/lists/add-to-list";
import { ProductFavouriteStar } from "@/components/lists/product-favourite-star";
import { requireSession } from "@/lib/auth/session";
import { showProduct } from "@/lib/catalogue/show-product";
import { answerNotFoundStatus } from "@/lib/http/not-found";
import { personalParts } from "@/lib/http/personal-parts";
import { countryName } from "@/lib/i18n/countries";
import { unitName } from "@/lib/i18n/units";
import { productDisplayName } from "@/lib/domain/product";
import { lastPriceTexts } from "@/lib/purchases/last-price-texts";
import { lastPricesFor } from "@/lib/purchases/last-prices";

type Props = {
  params: Promise<{ sku: string }>;
  /** `?addTo=list`: a card's "Add to a list" followed before scripts run opens the page's form. */
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The page and its metadata read the product once per request. */
const load = cache(async (sku: string) => showProduct(await requireSession(), { sku }));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shown = await load((await params).sku);
  if (shown.kind === "not-found") return { title: (await getTranslations("product"))("notFoundTitle") };
  return { title: shown.kind === "unreachable" ? shown.sku : productDisplayName(shown.product) };
}

/**
 * A list of labels and values with the labels' column as wide in every row from the first: sized by its
 * content (auto), it widened when a longer label came in, and moved the values already shown.
 */
const LABEL_COLUMN = "grid grid-cols-[9rem_minmax(0,1fr)] gap-x-4";

export default async function ProductPage({ params, searchParams }: Props) {
  const shown = await load((await params).sku);
  if (shown.kind === "not-found") {
    // Its own words, in the document (notFound() would leave the page blank without JavaScript).
    await answerNotFoundStatus();
    return <ProductNotFound />;
  }
  const openAddToList = (await searchParams).addTo === "list";
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const unit = (code: string, count = 1) => unitName((key, values) => t(`units.${key}`, values), code, count);
  if (shown.kind === "unreachable") {
    return (
      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
        {t("errors.upstreamUnavailable")}
      </p>
    );
  }
  const { product, categories, stockTime } = shown;
  const [lastPrices, personal] = await Promise.all([
    lastPricesFor(await requireSession(), [product.sku]),
    personalParts(),
  ]);
  const lastPaid = lastPrices.get(product.sku);
  // In a shared copy the texts of "You paid …" are placeholders, and whether the order is linked a mark.
  const paidTexts = lastPaid ? lastPriceTexts(lastPaid, format) : undefined;
  const paidShape = paidTexts ? (paidTexts.orderPath ? "linked" : "plain") : "none";
  const shownPaid = paidTexts && {
    price: personal.text("lastPaid.price", paidTexts.price),
    date: personal.text("lastPaid.date", paidTexts.date),
    orderId: personal.text("lastPaid.orderId", paidTexts.orderId),
    orderPath: paidTexts.orderPath && personal.text("lastPaid.orderPath", paidTexts.orderPath),
  };
  const name = productDisplayName(product);
  const unavailable = shown.orderability === "unavailable";
  const images = product.media.filter((item) => item.mimeType.startsWith("image/") || item.type === "image");

  return (
    <article className="space-y-6">
      {personal.shape("source", shown.fromUpstream ? "upstream" : "mirror")}
      {personal.shape("lastPaid", paidShape)}
      {shown.fromUpstream ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("product.fromUpstream")}
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:gap-6">
        {/*
          The document's order is the phone's: price and Add to cart first, then the codes, the notices and
          the pictures. A phone paints a long page before all of it has arrived, so a part placed above one
          that came before it (CSS order) would push what was already on screen down. From md up the
          pictures take the left column by placement, beside the details in the right one.
        */}
        <div className="flex min-w-0 flex-col gap-3 md:col-start-2 md:row-start-1 md:gap-4">
          <h1 className="text-xl font-bold break-words md:text-2xl">{name}</h1>
          <ProductFavouriteStar sku={product.sku} title={name} />

          <div className="flex flex-wrap items-center gap-3">
            <StockBadge colour={product.stockColour} size="md" />
            <span className="text-xs text-slate-600">
              {t("product.stockUpdated", { time: personal.text("stockAge", format.relativeTime(stockTime)) })}
            </span>
          </div>

          {unavailable || product.blocked ? (
            <ul className="space-y-2 text-sm">
              {unavailable ? <Notice tone="red">{t("product.unavailable")}</Notice> : null}
              {product.blocked ? <Notice tone="red">{t("product.blocked")}</Notice> : null}
            </ul>
          ) : null}

          <section aria-labelledby="tiers">
            <h2 id="tiers" className="mb-2 text-lg font-semibold">
              {t("product.tiers")}
            </h2>
            {product.prices.some((tier) => tier.priceOnDemand) || !product.prices.length ? (
              <p className="font-semibold">
                {product.prices.length ? t("product.priceOnDemand") : t("product.noPrice")}
              </p>
            ) : (
              <table className="w-full max-w-md table-fixed text-sm">
                {/* Fixed layout: the columns' widths come from the header, not from rows that arrive after it. */}
                <thead>
                  <tr className="border-b border-slate-300 text-left">
                    <th scope="col" className="w-2/5 py-1">
                      {t("product.tierQuantity")}
                    </th>
                    <th scope="col" className="py-1 text-right">
                      {t("product.tierExVat")}
                    </th>
                    <th scope="col" className="py-1 text-right">
                      {t("product.tierIncVat")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {product.prices.map((tier) => (
                    <tr key={tier.minQuantity} className="border-b border-slate-100">
                      <th scope="row" className="py-1 text-left font-normal">
                        {t("product.tierFrom", { quantity: tier.minQuantity })}{" "}
                        {unit(product.priceUnit, tier.minQuantity)}
                      </th>
                      <td className="py-1 text-right font-semibold">{format.number(tier.exVat, "money")}</td>
                      <td className="py-1 text-right">{format.number(tier.incVat, "money")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {product.prices[0] && !product.prices.some((tier) => tier.priceOnDemand) ? (
              <p className="mt-1 text-xs text-slate-600">{t("product.vatRate", { rate: product.prices[0].vatRate })}</p>
            ) : null}
            <LastPricePaid last={lastPaid} texts={shownPaid} priceUnit={product.priceUnit} className="mt-2 text-sm" />
          </section>

          {unavailable ? null : (
            <ProductAddToCart
              sku={product.sku}
              title={name}
              salesUnit={product.salesUnit}
              salesUnitAmount={product.salesUnitAmount}
              blocked={product.blocked}
            />
          )}
          {unavailable ? null : <AddToList sku={product.sku} quantity={product.salesUnitAmount} open={openAddToList} />}

          <section aria-labelledby="units">
            <h2 id="units" className="mb-1 text-lg font-semibold">
              {t("product.units")}
            </h2>
            <p className="text-sm">
              <SalesUnitText salesUnit={product.salesUnit} amount={product.salesUnitAmount} /> ·{" "}
              {t("product.priceUnit")}: {unit(product.priceUnit)}
            </p>
          </section>

          <dl className={`${LABEL_COLUMN} gap-y-1 text-sm`}>
            <dt className="text-slate-600">{t("product.sku")}</dt>
            <dd className="font-mono">{product.sku}</dd>
            {product.vendorItemNo ? (
              <>
                <dt className="text-slate-600">{t("product.vendorItemNo")}</dt>
                <dd className="font-mono">{product.vendorItemNo}</dd>
              </>
            ) : null}
            {product.barcode ? (
              <>
                <dt className="text-slate-600">{t("product.barcode")}</dt>
                <dd className="font-mono">{product.barcode.value}</dd>
              </>
            ) : null}
          </dl>

          <ul className="space-y-2 text-sm">
            {product.expiring ? <Notice tone="amber">{t("product.expiring")}</Notice> : null}
            <Notice tone="slate">
              {product.dropshipable ? t("product.dropshipable") : t("product.notDropshipable")}
            </Notice>
            {product.isBigParcel ? <Notice tone="slate">{t("product.bigParcel")}</Notice> : null}
          </ul>
        </div>

        <section
          aria-label={t("product.gallery")}
          className="mx-auto w-full max-w-40 md:col-start-1 md:row-start-1 md:max-w-none"
        >
          {/* 160 px wide on phones (max-w-40); from md up two fifths of the page, at most about 480 px. */}
          <ProductImage media={images[0] ?? null} alt={name} size={480} phone={{ size: 160, below: "md" }} priority />
          {images.length > 1 ? (
            <ul className="mt-2 grid grid-cols-4 gap-2">
              {images.slice(1).map((image, index) => (
                <li key={image.hash}>
                  <ProductImage
                    media={image}
                    alt={t("product.imageOf", { index: index + 2, count: images.length, title: name })}
                    size={120}
                    phone={{ size: 40, below: "md" }}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>

      {product.description ? (
        <section aria-labelledby="description">
          <h2 id="description" className="mb-2 text-lg font-semibold">
            {t("product.description")}
          </h2>
          <p className="max-w-prose whitespace-pre-line text-slate-800">{product.description}</p>
        </section>
      ) : null}

      {product.attributes.length ? (
        <section aria-labelledby="attributes">
          <h2 id="attributes" className="mb-2 text-lg font-semibold">
            {t("product.attributes")}
          </h2>
          <dl className="grid max-w-2xl grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            {product.attributes.map((attribute) => (
              <div key={`${attribute.code}-${attribute.title}`} className="contents">
                <dt className="font-medium text-slate-700">{attribute.title}</dt>
                <dd>{attribute.description ?? "—"}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {product.customs && (product.customs.code || product.customs.origin) ? (
        <section aria-labelledby="customs">
          <h2 id="customs" className="mb-2 text-lg font-semibold">
            {t("product.customs")}
          </h2>
          <dl className={`${LABEL_COLUMN} text-sm`}>
            {product.customs.code ? (
              <>
                <dt className="text-slate-600">{t("product.customsCode")}</dt>
                <dd>
                  <span className="font-mono">{product.customs.code}</span>
                  {product.customs.label ? ` (${product.customs.label})` : ""}
                </dd>
              </>
            ) : null}
            {product.customs.origin ? (
              <>
                <dt className="text-slate-600">{t("product.origin")}</dt>
                <dd>{countryName(product.customs.origin, locale)}</dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {product.files.length ? <ProductFiles files={product.files} /> : null}

      {categories.length ? (
        <section aria-labelledby="categories">
          <h2 id="categories" className="mb-2 text-lg font-semibold">
            {t("product.inCategories")}
          </h2>
          <ul className="flex flex-wrap gap-2">
            {categories.map((category) => (
              <li key={category.code}>
                {shown.categoryLinks ? (
                  <Link
                    href={categoryHref(category.pathCodes)}
                    className="inline-flex min-h-touch items-center rounded-full border border-slate-300 bg-white px-3 text-sm hover:border-brand-500"
                  >
                    {category.title}
                  </Link>
                ) : (
                  <span className="inline-flex min-h-touch items-center rounded-full border border-slate-200 bg-white px-3 text-sm">
                    {category.title}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function Notice({ tone, children }: { tone: "red" | "amber" | "slate"; children: React.ReactNode }) {
  const tones = {
    red: "border-red-300 bg-red-50 text-red-900",
    amber: "border-amber-300 bg-amber-50 text-amber-900",
    slate: "border-slate-200 bg-white text-slate-800",
  };
  return <li className={`rounded-md border px-3 py-2 ${tones[tone]}`}>{children}</li>;
}
