import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CartEditor } from "@/components/cart/cart-editor";
import { CartLineDetails, CartLineTotal } from "@/components/cart/cart-line-details";
import { CartTotals } from "@/components/cart/cart-totals";
import { ProductImage } from "@/components/catalogue/product-image";
import { requireSession } from "@/lib/auth/session";
import { viewCart } from "@/lib/cart/read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") };
}

export default async function CartPage() {
  const session = await requireSession();
  const [t, cart] = await Promise.all([getTranslations("cart"), viewCart(session)]);
  return (
    <div className="space-y-4">
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
          salesUnit: line.salesUnit,
          salesUnitAmount: line.salesUnitAmount,
          picture: <ProductImage media={line.image} alt="" size={80} fixed priority={index < 3} />,
          details: <CartLineDetails line={line} />,
          total: <CartLineTotal line={line} />,
        }))}
        totals={<CartTotals totals={cart.totals} />}
        canCheckout={cart.canCheckout}
      />
    </div>
  );
}
