import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { ProductAddToCart } from "@/components/cart/product-add-to-cart";
import { ProductImage } from "@/components/catalogue/product-image";
import { ProductPrice, SalesUnitText } from "@/components/catalogue/product-price";
import { StockBadge } from "@/components/catalogue/stock-badge";
import { Link } from "@/components/link";
import { FavouriteStar } from "@/components/lists/favourite-star";
import { ProductAddToList } from "@/components/lists/product-add-to-list";
import { requireSession } from "@/lib/auth/session";
import { showsPricesIncVat } from "@/lib/catalogue/vat-preference";
import { productDisplayName } from "@/lib/domain/product";
import { listFavourites } from "@/lib/favourites/list-favourites";
import { unitName } from "@/lib/i18n/units";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("favourites"))("title") };
}

/**
 * The customer's favourites (shared by every user of the customer code; staff acting see the
 * customer's): stock in words, the list price called one, the last price this customer paid, a
 * quantity in sales units with add to cart, and the star to take one off the list.
 */
export default async function FavouritesPage() {
  const session = await requireSession();
  const [t, format, view, incVat] = await Promise.all([
    getTranslations(),
    getFormatter(),
    listFavourites(session),
    showsPricesIncVat(),
  ]);
  const unit = (code: string) => unitName((key, values) => t(`units.${key}`, values), code, 1);
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("favourites.title")}</h1>
        <p className="text-slate-700">{t("favourites.intro")}</p>
        {view.items.length ? (
          <p className="mt-1 text-sm text-slate-700">{t("favourites.count", { count: view.items.length })}</p>
        ) : null}
        {view.items.length >= view.limit ? (
          <p role="status" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {t("favourites.limit", { limit: view.limit })}
          </p>
        ) : null}
      </div>
      {view.items.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("favourites.empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("favourites.title")}>
          {view.items.map(({ sku, product, lastPaid }) => {
            const name = product ? productDisplayName(product) : sku;
            return (
              <li key={sku}>
                <article
                  aria-label={name}
                  className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[5rem_minmax(0,1fr)_auto]"
                >
                  <div className="hidden w-20 sm:block">
                    {product ? <ProductImage media={product.image} alt="" size={80} /> : null}
                  </div>
                  <div className="min-w-0 space-y-1">
                    <h2 className="font-semibold break-words">
                      {product ? (
                        <Link
                          href={`/products/${encodeURIComponent(sku)}`}
                          className="text-brand-700 underline-offset-2 hover:underline"
                        >
                          {name}
                        </Link>
                      ) : (
                        name
                      )}
                    </h2>
                    <p className="font-mono text-xs break-all text-slate-600">{sku}</p>
                    {product ? (
                      <>
                        <p>
                          <ProductPrice product={product} incVat={incVat} />
                        </p>
                        <p className="text-sm text-slate-700" data-testid="favourite-last-paid">
                          {lastPaid
                            ? t("favourites.lastPaid", {
                                price: format.number(lastPaid.unitPrice, {
                                  style: "currency",
                                  currency: lastPaid.currency || "EUR",
                                }),
                                unit: unit(product.priceUnit),
                                date: format.dateTime(lastPaid.orderedAt, "short"),
                              })
                            : t("favourites.lastPaidUnknown")}
                        </p>
                        <p className="text-xs text-slate-700">
                          <SalesUnitText salesUnit={product.salesUnit} amount={product.salesUnitAmount} />
                        </p>
                        <StockBadge colour={product.stockColour} />
                      </>
                    ) : (
                      <p className="text-sm text-slate-700">{t("favourites.notInCatalogue")}</p>
                    )}
                  </div>
                  <div className="flex flex-col gap-2 sm:items-end">
                    {product && product.available ? (
                      <ProductAddToCart
                        sku={sku}
                        title={name}
                        salesUnit={product.salesUnit}
                        salesUnitAmount={product.salesUnitAmount}
                        blocked={product.blocked}
                      />
                    ) : null}
                    <FavouriteStar sku={sku} title={name} favourite returnTo="/favourites" />
                    {product && product.available ? (
                      <ProductAddToList sku={sku} title={name} quantity={product.salesUnitAmount} />
                    ) : null}
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
