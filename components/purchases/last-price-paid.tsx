import { useFormatter, useTranslations } from "next-intl";

import { Link } from "@/components/link";
import { parseOrderId } from "@/lib/orders/order-id";
import { useUnitName } from "@/lib/i18n/use-unit-name";
import type { LastPrice } from "@/lib/purchases/last-prices";

/**
 * The price this customer paid for a product on its latest order, beside the list price: "You paid
 * €61.74 per piece on 12 Nov 2026, order 100343", the order linked. Nothing when the portal knows none.
 */
export function LastPricePaid({
  last,
  priceUnit,
  className = "text-sm",
}: {
  last: LastPrice | null | undefined;
  priceUnit: string;
  className?: string;
}) {
  const t = useTranslations("purchases");
  const format = useFormatter();
  const unitName = useUnitName();
  if (!last) return null;
  const orderPath = parseOrderId(last.orderId) === null ? null : `/orders/${encodeURIComponent(last.orderId)}`;
  return (
    <p className={`text-emerald-900 ${className}`} data-testid="last-price-paid">
      {t.rich("lastPaid", {
        price: format.number(last.unitPrice, { style: "currency", currency: last.currency || "EUR" }),
        unit: unitName(priceUnit),
        date: format.dateTime(last.orderedAt, "short"),
        orderId: last.orderId,
        order: (chunks) =>
          orderPath ? (
            <Link href={orderPath} className="font-semibold underline underline-offset-2 hover:no-underline">
              {chunks}
            </Link>
          ) : (
            <span className="font-semibold">{chunks}</span>
          ),
      })}
    </p>
  );
}
