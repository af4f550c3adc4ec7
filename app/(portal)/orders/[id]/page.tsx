import type { Metadata } from "next";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { OrderAddress } from "@/components/orders/order-address";
import { OrderLines, type LineWithImage } from "@/components/orders/order-lines";
import { LiveOrderStatus } from "@/components/orders/live-order-status";
import { OrderShipments } from "@/components/orders/order-shipments";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderTotalsTable } from "@/components/orders/order-totals";
import { PrintButton } from "@/components/orders/print-button";
import { ReorderButton } from "@/components/orders/reorder-button";
import { SaveAsList } from "@/components/lists/save-as-list";
import { UpstreamProblem } from "@/components/orders/upstream-problem";
import { requireSession } from "@/lib/auth/session";
import { parseOrderId } from "@/lib/orders/order-id";
import { reorderableLines } from "@/lib/orders/reorder";
import { showOrder } from "@/lib/orders/show-order";
import { orderTimeline } from "@/lib/orders/timeline";
import { orderTotals } from "@/lib/orders/totals";
import { billingCompany, deliveryCompany } from "@/lib/orders/addresses";
import { countryCode } from "@/lib/i18n/countries";
import { notFoundPage } from "@/lib/http/not-found";

import "./print.css";

type Props = { params: Promise<{ id: string }> };

/** One read per request, shared by the metadata and the page. Anything but an order id (see order-id.ts) is not found. */
// Null when not found. Only the page says so: notFound() thrown from the metadata answers a bare error
// document instead of the page in the user's language.
const load = cache(async (raw: string) => {
  const id = parseOrderId(raw);
  if (id === null) return null;
  const loaded = await showOrder(await requireSession(), id);
  return loaded ? { id, loaded } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load((await params).id);
  if (!found) return {};
  const { id, loaded } = found;
  const t = await getTranslations("orders.detail");
  const reference = loaded.ok ? loaded.value.order.reference : null;
  return { title: reference ? t("titleWithReference", { id, reference }) : t("title", { id }) };
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm break-words">{children}</dd>
    </div>
  );
}

export default async function OrderPage({ params }: Props) {
  const found = await load((await params).id);
  if (!found) return notFoundPage();
  const { id, loaded } = found;
  const t = await getTranslations("orders.detail");
  const back = (
    <Link
      href="/orders"
      className="no-print inline-flex min-h-touch items-center gap-1 text-sm font-semibold text-brand-700 hover:underline"
    >
      <span aria-hidden="true">←</span>
      {t("back")}
    </Link>
  );
  if (!loaded.ok) {
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-bold">{t("title", { id })}</h1>
        <UpstreamProblem kind={loaded.kind} title={t("unavailable")} retryHref={`/orders/${encodeURIComponent(id)}`} />
      </div>
    );
  }

  const { order, products, unreadable } = loaded.value;
  const format = await getFormatter();
  const items: LineWithImage[] = order.lines.map((line) => {
    const summary = products.get(line.sku);
    return { line, image: summary?.image ?? null, known: Boolean(summary) };
  });
  const totals = orderTotals(order.lines);
  const address = order.shippingAddress;
  const customer = order.customer ? `${order.customer.name} (${order.customer.code})` : order.companyName;

  return (
    <article className="packing-list space-y-6" aria-labelledby="order-title">
      {back}
      <header className="space-y-4">
        <p className="hidden text-sm font-semibold tracking-wide uppercase print:block">{t("packingList")}</p>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0">
            <h1 id="order-title" className="text-2xl font-bold break-words">
              {t("title", { id })}
            </h1>
            {order.test ? (
              <p className="mt-1 inline-flex items-center gap-1 rounded-full border border-orange-400 bg-orange-50 px-2 py-0.5 text-xs font-semibold text-orange-900">
                <span aria-hidden="true">⚑</span>
                {t("testOrder")}
              </p>
            ) : null}
          </div>
          <div className="no-print flex flex-wrap items-start gap-3">
            <PrintButton />
            <ReorderButton orderId={order.id} titles={reorderableLines(order.lines).map((line) => line.title)} />
            <SaveAsList orderId={order.id} />
          </div>
        </div>
        <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3 print:border-0 print:p-0">
          <Field label={t("reference")}>{order.reference ?? "—"}</Field>
          <Field label={t("status")}>
            <LiveOrderStatus
              orderId={order.id}
              initial={{
                status: order.status,
                statusRaw: order.statusRaw,
                updatedAt: order.updatedAt?.toISOString() ?? null,
              }}
            />
          </Field>
          {order.placedAt ? (
            <Field label={t("placedOn")}>
              <time dateTime={order.placedAt.toISOString()} data-testid="placed-on">
                {format.dateTime(order.placedAt, "long")}
              </time>
            </Field>
          ) : null}
          <Field label={t("lastChange")}>
            {order.updatedAt ? (
              <time dateTime={order.updatedAt.toISOString()}>{format.dateTime(order.updatedAt, "long")}</time>
            ) : (
              "—"
            )}
          </Field>
          <Field label={t("creator")}>{order.creatorName ?? "—"}</Field>
          <Field label={t("customer")}>{customer ?? "—"}</Field>
          <Field label={t("vatNumber")}>{order.vatNumber ?? "—"}</Field>
          <Field label={t("orderNumber")}>{order.id}</Field>
          {order.notes ? (
            <div className="min-w-0 sm:col-span-2 lg:col-span-3">
              <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{t("notes")}</dt>
              <dd className="mt-0.5 text-sm break-words whitespace-pre-line">{order.notes}</dd>
            </div>
          ) : null}
        </dl>
        {unreadable > 0 ? (
          <p
            role="status"
            data-testid="order-partly-unreadable"
            className="no-print rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
          >
            {t("partlyUnreadable", { count: unreadable })}
          </p>
        ) : null}
      </header>

      <div className="grid gap-6 md:grid-cols-2 print:grid-cols-2">
        <section aria-labelledby="delivery" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="delivery" className="mb-2 text-lg font-semibold">
            {t("delivery")}
          </h2>
          <p className="mb-2 text-sm">
            {order.dropship ? (
              <span className="inline-flex items-center gap-1 rounded-full border border-violet-300 bg-violet-50 px-2 py-0.5 text-xs font-semibold text-violet-900">
                <span aria-hidden="true">⇢</span>
                {t("dropship")}
              </span>
            ) : (
              <span className="text-slate-700">{t("ownAddress")}</span>
            )}
          </p>
          {address ? (
            <OrderAddress address={address} company={deliveryCompany(order)} />
          ) : (
            <p className="text-sm text-slate-700">{t("noAddress")}</p>
          )}
        </section>
        {order.billingAddress ? (
          <section aria-labelledby="billing" className="min-w-0 rounded-lg border border-slate-200 bg-white p-4">
            <h2 id="billing" className="mb-2 text-lg font-semibold">
              {t("billing")}
            </h2>
            <OrderAddress address={order.billingAddress} company={billingCompany(order)} />
          </section>
        ) : null}
      </div>

      <section aria-labelledby="lines" className="space-y-2">
        <h2 id="lines" className="text-lg font-semibold">
          {t("lines", { count: order.lines.length })}
        </h2>
        {order.lines.length ? (
          <OrderLines items={items} caption={t("linesCaption", { id })} />
        ) : (
          <p className="text-sm text-slate-700">{t("noLines")}</p>
        )}
      </section>

      <section aria-labelledby="totals" className="space-y-2 print:hidden">
        <h2 id="totals" className="text-lg font-semibold">
          {t("totals")}
        </h2>
        <OrderTotalsTable totals={totals} />
      </section>

      <section aria-labelledby="shipments" className="space-y-2 print:hidden">
        <h2 id="shipments" className="text-lg font-semibold">
          {t("shipments", { count: order.shipments.length })}
        </h2>
        <OrderShipments
          shipments={order.shipments}
          destination={
            address ? { postcode: address.postcode, country: countryCode(address.country) ?? address.country } : null
          }
        />
      </section>

      <section aria-labelledby="timeline" className="space-y-2 print:hidden">
        <h2 id="timeline" className="text-lg font-semibold">
          {t("timeline")}
        </h2>
        <OrderTimeline entries={orderTimeline(order)} />
      </section>
    </article>
  );
}
