import { useFormatter, useTranslations } from "next-intl";

import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";
import type { OrderedAs } from "@/lib/checkout/place-order";

/**
 * What became of a cart that was ordered already: the order named and linked, and the new, empty
 * cart offered. Said when a changed checkout form is sent again after its order was placed (going
 * back from the confirmation), and on the checkout page opened again with the cart empty.
 */
export function AlreadyOrdered({ order, placedAt }: { order: OrderedAs; placedAt?: Date }) {
  const t = useTranslations("checkout");
  const format = useFormatter();
  const orderLink = (chunks: React.ReactNode) =>
    order.path ? (
      <Link href={order.path} className="font-semibold underline underline-offset-2 hover:no-underline">
        {chunks}
      </Link>
    ) : (
      <span className="font-semibold">{chunks}</span>
    );
  return (
    <div className="space-y-3" data-testid="already-ordered">
      <p>
        {placedAt
          ? t.rich("lastOrdered", { orderId: order.id, date: format.dateTime(placedAt, "long"), order: orderLink })
          : t.rich("alreadyOrdered", { orderId: order.id, order: orderLink })}
      </p>
      <p>{t("newCart")}</p>
      <div className="flex flex-wrap gap-3">
        <Link href="/cart" className={buttonClasses("secondary")}>
          {t("openNewCart")}
        </Link>
        <Link href="/catalogue" className={buttonClasses("secondary")}>
          {t("confirmation.continue")}
        </Link>
      </div>
    </div>
  );
}
