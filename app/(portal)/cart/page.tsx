import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CartEditor } from "@/components/cart/cart-editor";
import { CartFreshness } from "@/components/cart/cart-freshness";
import { SaveAsList } from "@/components/lists/save-as-list";
import { CartLineDetails, CartLineTotal } from "@/components/cart/cart-line-details";
import { CartTotals } from "@/components/cart/cart-totals";
import { ProductImage } from "@/components/catalogue/product-image";
import { LastPricePaid } from "@/components/purchases/last-price-paid";
import { PriceEstimateNote } from "@/components/purchases/price-estimate";
import { requireSession } from "@/lib/auth/session";
import { unitName } from "@/lib/i18n/units";
import { viewCart } from "@/lib/cart/read";
import { estimateAtLastPrices } from "@/lib/purchases/estimate";
import { lastPricesFor } from "@/lib/purchases/last-prices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") };
}

export default async function CartPage() {
  const session = await requireSession();
  const [t, units, cart] = await Promise.all([getTranslations("cart"), getTranslations("units"), viewCart(session)]);
  // The dealer's own last prices beside the list prices, and the total at them (lib/purchases).
  const lastPaid = await lastPricesFor(
    session,
    cart.lines.map((line) => line.sku),
  );
  return (
    <div className="space-y-4">
      <CartFreshness readAt={cart.readAt} />
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {cart.lines.length ? (
          <p className="text-sm text-slate-700">{t("lines", { count: cart.lines.length })}</p>
        ) : null}
      </div>
      <CartEditor
        lines={cart.lines.map((line, index) => ({
          sku: line.sku,
          title: line.title,
          quantity: line.quantity,
          salesUnitName: unitName((key, values) => units(key, values), line.salesUnit),
          salesUnitAmount: line.salesUnitAmount,
          picture: <ProductImage media={line.image} alt="" size={80} priority={index < 3} />,
          details: (
            <>
              <CartLineDetails line={line} />
              <LastPricePaid last={lastPaid.get(line.sku)} priceUnit={line.priceUnit} className="text-xs" />
            </>
          ),
          total: <CartLineTotal line={line} />,
        }))}
        totals={
          <>
            <CartTotals totals={cart.totals} />
            <PriceEstimateNote estimate={estimateAtLastPrices(cart.lines, lastPaid)} />
          </>
        }
        canCheckout={cart.canCheckout}
      />
      {cart.lines.length ? <SaveAsList /> : null}
    </div>
  );
}
