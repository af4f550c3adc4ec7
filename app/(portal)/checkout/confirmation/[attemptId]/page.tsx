import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { buttonClasses } from "@/components/ui/button";
import { requireSession } from "@/lib/auth/session";
import { viewConfirmation } from "@/lib/checkout/confirmation";
import { normaliseOrderStatus } from "@/lib/domain/order";
import { notFoundPage } from "@/lib/http/not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout.confirmation"))("title") };
}

export default async function ConfirmationPage({ params }: { params: Promise<{ attemptId: string }> }) {
  const { attemptId } = await params;
  const confirmation = await viewConfirmation(await requireSession(), attemptId);
  if (!confirmation) return notFoundPage();
  const t = await getTranslations("checkout.confirmation");
  const { orderId, orderPath, status, reference } = confirmation;
  return (
    <div className="mx-auto max-w-xl space-y-4 rounded-lg border border-green-300 bg-white p-6">
      <h1 className="text-2xl font-bold text-green-900">{t("title")}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        <dt className="text-slate-600">{t("orderNumber")}</dt>
        <dd className="font-mono text-lg font-bold" data-testid="confirmed-order-id">
          {orderId}
        </dd>
        <dt className="text-slate-600">{t("status")}</dt>
        <dd>
          <OrderStatusBadge status={normaliseOrderStatus(status)} raw={status} />
        </dd>
        <dt className="text-slate-600">{t("reference")}</dt>
        <dd className="break-words">{reference}</dd>
      </dl>
      <div className="flex flex-wrap gap-3">
        {orderPath ? (
          <Link href={orderPath} className={buttonClasses("primary")}>
            {t("view")}
          </Link>
        ) : (
          <Link href="/orders" className={buttonClasses("primary")}>
            {t("view")}
          </Link>
        )}
        <Link href="/catalogue" className={buttonClasses("secondary")}>
          {t("continue")}
        </Link>
      </div>
    </div>
  );
}
