import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { CartFreshness } from "@/components/cart/cart-freshness";
import { AlreadyOrdered } from "@/components/checkout/already-ordered";
import { CartTotals } from "@/components/cart/cart-totals";
import { CheckoutForm } from "@/components/checkout/checkout-form";
import { Link } from "@/components/link";
import { checkoutAddresses } from "@/lib/address-book/checkout";
import { LastPricePaid } from "@/components/purchases/last-price-paid";
import { PriceEstimateNote } from "@/components/purchases/price-estimate";
import { buttonClasses } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import { prepareCheckout } from "@/lib/checkout/prepare";
import type { Company } from "@/lib/domain/company";
import { countryCode, countryName } from "@/lib/i18n/countries";
import { estimateAtLastPrices, lineAtLastPrice } from "@/lib/purchases/estimate";
import { lastPricesFor } from "@/lib/purchases/last-prices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

/** The customer's own address as lines, its country named in `locale`. */
function addressLines(company: Company, locale: string): string[] | null {
  const address = company.address;
  if (!address) return null;
  const number = [address.number, address.numberSuffix].filter(Boolean).join(" ");
  return [
    company.name,
    `${address.street} ${number}`.trim(),
    `${address.postalCode} ${address.city}`.trim(),
    // The code names the country in the reader's language; a code we do not know leaves the name as sent.
    countryName(countryCode(address.countryCode) ? address.countryCode : address.country, locale),
  ].filter(Boolean);
}

export default async function CheckoutPage() {
  const session = await requireSession();
  const [t, format, locale, { cart, attemptId, company, canPlaceTestOrders, lastOrder }] = await Promise.all([
    getTranslations("checkout"),
    getFormatter(),
    getLocale(),
    prepareCheckout(session),
  ]);
  if (!cart.lines.length) {
    return (
      <div className="space-y-4">
        <CartFreshness readAt={cart.readAt} />
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {lastOrder ? (
          // Opened again after ordering (back from the confirmation, a form sent again): which order the cart became.
          <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-950">
            <AlreadyOrdered order={lastOrder} placedAt={lastOrder.placedAt} />
          </div>
        ) : (
          <>
            <p>{t("emptyCart")}</p>
            <Link href="/cart" className={buttonClasses("secondary")}>
              {t("backToCart")}
            </Link>
          </>
        )}
      </div>
    );
  }
  // The dealer's own last prices: per line and in total, said to be an estimate (lib/purchases).
  const lastPaid = await lastPricesFor(
    session,
    cart.lines.map((line) => line.sku),
  );
  return (
    <div className="space-y-4">
      <CartFreshness readAt={cart.readAt} />
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">
          {t("orderFor", {
            company: company?.name ?? session.activeCompanyName ?? session.activeCustomerCode,
            code: session.activeCustomerCode,
          })}
        </p>
      </div>
      {cart.canCheckout ? null : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("errors.cartNotOrderable")}{" "}
          <Link href="/cart" className="font-semibold underline">
            {t("backToCart")}
          </Link>
        </p>
      )}
      <PriceEstimateNote estimate={estimateAtLastPrices(cart.lines, lastPaid)} />
      <CheckoutForm
        attemptId={attemptId}
        lines={cart.lines.map((line) => ({
          sku: line.sku,
          title: line.title,
          quantity: line.quantity,
          totalExVat: line.totalExVat === null ? null : format.number(line.totalExVat, "money"),
          estimate: lastPaid.has(line.sku) ? (
            <div className="mt-0.5 text-xs" data-testid="line-estimate">
              <LastPricePaid last={lastPaid.get(line.sku)} priceUnit={line.priceUnit} className="text-xs" />
              <p className="text-emerald-900">
                {t("lineEstimate", {
                  estimate: format.number(lineAtLastPrice(line, lastPaid.get(line.sku)) ?? 0, "money"),
                })}
              </p>
            </div>
          ) : undefined,
        }))}
        totals={<CartTotals totals={cart.totals} />}
        nonDropshipableSkus={cart.lines.filter((line) => !line.dropshipable).map((line) => line.sku)}
        bigParcelSkus={cart.lines.filter((line) => line.isBigParcel).map((line) => line.sku)}
        ownAddress={company ? addressLines(company, locale) : null}
        canPlaceTestOrders={canPlaceTestOrders}
        savedAddresses={await checkoutAddresses(session)}
      />
    </div>
  );
}
