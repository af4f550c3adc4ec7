import { useFormatter, useTranslations } from "next-intl";

import { Link } from "@/components/link";
import type { Order } from "@/lib/domain/order";
import { orderTotals } from "@/lib/orders/totals";

import { OrderStatusBadge } from "./order-status-badge";

export interface OrderRow {
  id: number;
  reference: string | null;
  updatedAt: Date | null;
  creatorName: string | null;
  status: Order["status"];
  statusRaw: string;
  lineCount: number;
  totalExVat: number;
  totalIncomplete: boolean;
  dropship: boolean;
  shipmentCount: number;
}

export function orderRow(order: Order): OrderRow {
  const totals = orderTotals(order.lines);
  return {
    id: order.id,
    reference: order.reference,
    updatedAt: order.updatedAt,
    creatorName: order.creatorName,
    status: order.status,
    statusRaw: order.statusRaw,
    lineCount: order.lines.length,
    totalExVat: totals.exVat,
    totalIncomplete: totals.incomplete,
    dropship: order.dropship,
    shipmentCount: order.shipments.length,
  };
}

function OrderLink({ row }: { row: OrderRow }) {
  const t = useTranslations("orders.list");
  return (
    <Link
      href={`/orders/${row.id}`}
      className="inline-flex min-h-touch items-center font-semibold break-all text-brand-700 underline-offset-2 hover:underline"
    >
      {row.reference ?? t("orderNumber", { id: row.id })}
    </Link>
  );
}

function When({ at }: { at: Date | null }) {
  const format = useFormatter();
  const t = useTranslations("orders.list");
  if (!at) return <span className="text-slate-600">{t("noDate")}</span>;
  return <time dateTime={at.toISOString()}>{format.dateTime(at, "long")}</time>;
}

function Total({ row }: { row: OrderRow }) {
  const format = useFormatter();
  const t = useTranslations("orders.list");
  return (
    <>
      {format.number(row.totalExVat, "money")}
      {row.totalIncomplete ? (
        <span className="block text-xs font-normal text-slate-600">{t("totalIncomplete")}</span>
      ) : null}
    </>
  );
}

function DropshipMark({ dropship }: { dropship: boolean }) {
  const t = useTranslations("orders.list");
  if (!dropship) return <span className="sr-only">{t("notDropship")}</span>;
  return (
    <span className="inline-flex items-center gap-1 rounded-full border border-violet-300 bg-violet-50 px-2 py-0.5 text-xs font-semibold text-violet-900">
      <span aria-hidden="true">⇢</span>
      {t("dropship")}
    </span>
  );
}

/** The orders as a table on wide screens and as cards on phones (no sideways scrolling at 360 px). */
export function OrderList({ rows, caption }: { rows: OrderRow[]; caption: string }) {
  const t = useTranslations("orders.list");
  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-slate-200 bg-white lg:block">
        <table className="w-full text-left text-sm">
          <caption className="border-b border-slate-200 px-3 py-2 text-left text-sm text-slate-700">{caption}</caption>
          <thead className="bg-slate-50 text-xs tracking-wide text-slate-700 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t("order")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("date")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("creator")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("status")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t("lines")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t("total")}
              </th>
              <th scope="col" className="px-3 py-2">
                {t("delivery")}
              </th>
              <th scope="col" className="px-3 py-2 text-right">
                {t("shipments")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {rows.map((row) => (
              <tr key={row.id} className="align-middle hover:bg-slate-50">
                <th scope="row" className="px-3 py-1 font-normal">
                  <OrderLink row={row} />
                  <span className="block text-xs text-slate-600">{t("number", { id: row.id })}</span>
                </th>
                <td className="px-3 py-2">
                  <When at={row.updatedAt} />
                </td>
                <td className="px-3 py-2">{row.creatorName ?? "—"}</td>
                <td className="px-3 py-2">
                  <OrderStatusBadge status={row.status} raw={row.statusRaw} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.lineCount}</td>
                <td className="px-3 py-2 text-right font-semibold tabular-nums">
                  <Total row={row} />
                </td>
                <td className="px-3 py-2">
                  <DropshipMark dropship={row.dropship} />
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{row.shipmentCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <section aria-label={caption} className="lg:hidden">
        <p className="mb-2 text-sm text-slate-700">{caption}</p>
        <ul className="space-y-3">
          {rows.map((row) => (
            <li key={row.id} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
                <div className="min-w-0">
                  <OrderLink row={row} />
                  <span className="block text-xs text-slate-600">{t("number", { id: row.id })}</span>
                </div>
                <OrderStatusBadge status={row.status} raw={row.statusRaw} />
              </div>
              <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("date")}</dt>
                <dd>
                  <When at={row.updatedAt} />
                </dd>
                <dt className="text-slate-600">{t("creator")}</dt>
                <dd className="break-words">{row.creatorName ?? "—"}</dd>
                <dt className="text-slate-600">{t("lines")}</dt>
                <dd>{row.lineCount}</dd>
                <dt className="text-slate-600">{t("total")}</dt>
                <dd className="font-semibold">
                  <Total row={row} />
                </dd>
                <dt className="text-slate-600">{t("shipments")}</dt>
                <dd>{row.shipmentCount}</dd>
              </dl>
              {row.dropship ? (
                <div className="mt-2">
                  <DropshipMark dropship />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
