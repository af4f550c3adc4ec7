import { useFormatter, useTranslations } from "next-intl";

import { QuickAddToCart } from "@/components/cart/quick-add-to-cart";
import { ProductImage } from "@/components/catalogue/product-image";
import { ProductPrice } from "@/components/catalogue/product-price";
import { StockBadge } from "@/components/catalogue/stock-badge";
import { Link } from "@/components/link";
import { ProductAddToList } from "@/components/lists/product-add-to-list";
import { isOrderable } from "@/lib/catalogue/orderable";
import { productDisplayName } from "@/lib/domain/product";
import { useUnitName } from "@/lib/i18n/use-unit-name";
import { parseOrderId } from "@/lib/orders/order-id";
import type { LastPrice } from "@/lib/purchases/last-prices";
import type { BoughtItem } from "@/lib/purchases/buy-again";

import { LastPricePaid } from "./last-price-paid";

/** The products a customer ordered before, one row each: when, how many, how often, and Add to cart. */
export function BoughtList({
  items,
  lastPrices,
  incVat,
}: {
  items: BoughtItem[];
  lastPrices: ReadonlyMap<string, LastPrice>;
  incVat: boolean;
}) {
  const t = useTranslations("buyAgain");
  return (
    <ul aria-label={t("listLabel")} className="space-y-3">
      {items.map((item, index) => (
        <BoughtRow key={item.sku} item={item} last={lastPrices.get(item.sku)} incVat={incVat} priority={index < 2} />
      ))}
    </ul>
  );
}

function BoughtRow({
  item,
  last,
  incVat,
  priority,
}: {
  item: BoughtItem;
  last: LastPrice | undefined;
  incVat: boolean;
  priority: boolean;
}) {
  const t = useTranslations("buyAgain");
  const format = useFormatter();
  const unitName = useUnitName();
  const product = item.product;
  const name = product ? productDisplayName(product) : item.sku;
  const orderPath = parseOrderId(item.lastOrderId) === null ? null : `/orders/${encodeURIComponent(item.lastOrderId)}`;
  const unit = product?.priceUnit;
  return (
    <li
      className="grid grid-cols-[64px_minmax(0,1fr)] gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-[80px_minmax(0,1fr)_auto]"
      aria-label={name}
    >
      <div className="w-16 sm:w-20">
        <ProductImage media={product?.image ?? null} alt="" size={80} priority={priority} />
      </div>
      <div className="min-w-0 space-y-1">
        <h2 className="text-sm font-semibold break-words">
          <Link href={`/products/${encodeURIComponent(item.sku)}`} className="text-brand-800 hover:underline">
            {name}
          </Link>
        </h2>
        <p className="text-xs text-slate-600">
          <span className="font-mono">{item.sku}</span>
          {product?.vendorItemNo && product.title ? <span> · {product.vendorItemNo}</span> : null}
        </p>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 text-xs text-slate-800">
          <dt className="text-slate-600">{t("lastOrdered")}</dt>
          <dd>
            <time dateTime={item.lastOrderedAt.toISOString()}>{format.dateTime(item.lastOrderedAt, "short")}</time>{" "}
            {t.rich("onOrder", {
              orderId: item.lastOrderId,
              order: (chunks) =>
                orderPath ? (
                  <Link href={orderPath} className="font-semibold text-brand-700 underline underline-offset-2">
                    {chunks}
                  </Link>
                ) : (
                  <span>{chunks}</span>
                ),
            })}
          </dd>
          <dt className="text-slate-600">{t("lastQuantity")}</dt>
          <dd>
            {format.number(item.lastQuantity)} {unit ? unitName(unit, item.lastQuantity) : null}
          </dd>
        </dl>
        <p className="text-xs font-semibold text-slate-700">{t("times", { count: item.timesOrdered })}</p>
        {product ? (
          <>
            <ProductPrice product={product} incVat={incVat} />
            <LastPricePaid last={last} priceUnit={product.priceUnit} className="text-xs" />
            <StockBadge colour={product.stockColour} />
          </>
        ) : (
          <p className="text-xs font-semibold text-slate-700">{t("gone")}</p>
        )}
      </div>
      {product && isOrderable(product) ? (
        <div className="col-span-2 sm:col-span-1 sm:w-48 sm:self-center">
          <QuickAddToCart
            sku={product.sku}
            title={name}
            salesUnitAmount={product.salesUnitAmount}
            blocked={product.blocked}
          />
          <div className="mt-2">
            <ProductAddToList sku={product.sku} title={name} quantity={product.salesUnitAmount} />
          </div>
        </div>
      ) : null}
    </li>
  );
}
