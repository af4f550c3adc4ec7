import { getFormatter, getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import type { SessionToken } from "@/lib/auth/session-types";
import { recentOrders } from "@/lib/orders/list-orders";

/** The five newest orders of the active customer, on the home page. */
export async function RecentOrders({ session }: { session: SessionToken }) {
  const t = await getTranslations("home");
  const format = await getFormatter();
  const loaded = await recentOrders(session, 5);
  if (!loaded.ok) {
    return (
      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        {t("ordersUnavailable")}
      </p>
    );
  }
  const recent = loaded.value;
  if (!recent.length) return <p className="text-slate-700">{t("noOrders")}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {recent.map((order) => (
        <li key={order.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
          <Link
            href={`/orders/${encodeURIComponent(order.id)}`}
            className="font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            {order.reference ? t("orderLink", { reference: order.reference }) : t("orderNumber", { id: order.id })}
          </Link>
          <span className="flex items-center gap-3 text-sm text-slate-700">
            {order.updatedAt ? (
              <time dateTime={order.updatedAt.toISOString()}>{format.dateTime(order.updatedAt, "short")}</time>
            ) : null}
            <OrderStatusBadge status={order.status} raw={order.statusRaw} />
          </span>
        </li>
      ))}
    </ul>
  );
}
