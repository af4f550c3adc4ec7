import { useFormatter, useTranslations } from "next-intl";

import { Link } from "@/components/link";
import { useUnitName } from "@/lib/i18n/use-unit-name";
import { lastPriceTexts, type LastPriceTexts } from "@/lib/purchases/last-price-texts";
import type { LastPrice } from "@/lib/purchases/last-prices";

/**
 * The price this customer paid for a product on its latest order, beside the list price: "You paid €61.74
 * excl. VAT per piece on 12 Nov 2026, order 100343" (an order line's price excludes VAT, and the list price
 * beside it may be shown with it), the order linked. Nothing when the portal knows none.
 */
export function LastPricePaid({
  last,
  priceUnit,
  className = "text-sm",
  texts,
}: {
  last: LastPrice | null | undefined;
  priceUnit: string;
  className?: string;
  /** The texts to show instead of `last`'s (a page's shared copy shows placeholders: lib/http/personal-parts.ts). */
  texts?: LastPriceTexts;
}) {
  const t = useTranslations("purchases");
  const format = useFormatter();
  const unitName = useUnitName();
  const shown = texts ?? (last ? lastPriceTexts(last, format) : null);
  if (!shown) return null;
  return (
    <p className={`text-emerald-900 ${className}`} data-testid="last-price-paid">
      {t.rich("lastPaid", {
        price: shown.price,
        unit: unitName(priceUnit),
        date: shown.date,
        orderId: shown.orderId,
        order: (chunks) =>
          shown.orderPath ? (
            <Link href={shown.orderPath} className="font-semibold underline underline-offset-2 hover:no-underline">
              {chunks}
            </Link>
          ) : (
            <span className="font-semibold">{chunks}</span>
          ),
      })}
    </p>
  );
}
