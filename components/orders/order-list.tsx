import { useFormatter, useTranslations } from "next-intl";

import { Link } from "@/components/link";
import type { Order } from "@/lib/domain/order";
import { orderTotals } from "@/lib/orders/totals";

import { OrderStatusBadge } from "./order-status-badge";
import { PhoneLabel } from "./phone-label";

export interface OrderRow {
  id: string;
  reference: string | null;
  /** Where the portal placed the order and knows when; null otherwise. */
  placedAt: Date | null;
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
    placedAt: order.placedAt ?? null,
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
    <Link href={`/orders/${encodeURIComponent(row.id)}`} className="order-link">
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

/** The table's columns on wide screens, with whether they hold a number (aligned right). */
const COLUMNS = [
  ["order", false],
  ["status", false],
  ["date", false],
  ["creator", false],
  ["lines", true],
  ["total", true],
  ["delivery", false],
  ["shipments", true],
] as const;

const cell = "lg:table-cell lg:px-3 lg:py-2";
/** The classes every row repeats are short ones of app/globals.css (`order-row`, `order-field`, `order-link`). */
const labelledCell = "order-field";

/**
 * The orders as one table: rows on wide screens, a card per row on phones (no sideways scrolling
 * at 360 px). One table, not a table and a list, so a phone builds and hydrates each order once.
 * The roles are written out because a row laid out as a grid loses them in some browsers.
 */
export function OrderList({ rows, caption }: { rows: OrderRow[]; caption: string }) {
  const t = useTranslations("orders.list");
  const format = useFormatter();
  return (
    <div className="lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white">
      <table role="table" className="block w-full text-left text-sm lg:table">
        <caption className="mb-2 block text-left text-sm text-slate-700 lg:mb-0 lg:table-caption lg:border-b lg:border-slate-200 lg:px-3 lg:py-2">
          {caption}
        </caption>
        <thead
          role="rowgroup"
          className="hidden bg-slate-50 text-xs tracking-wide text-slate-700 uppercase lg:table-header-group"
        >
          <tr role="row">
            {COLUMNS.map(([key, numeric]) => (
              <th key={key} role="columnheader" scope="col" className={`px-3 py-2 ${numeric ? "text-right" : ""}`}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="block space-y-3 lg:table-row-group lg:space-y-0">
          {rows.map((row) => (
            <tr key={row.id} role="row" className="order-row">
              <th
                role="rowheader"
                scope="row"
                className="mb-1 min-w-0 font-normal lg:mb-0 lg:table-cell lg:px-3 lg:py-1"
              >
                <OrderLink row={row} />
                <span className="block text-xs text-slate-600">{t("number", { id: row.id })}</span>
              </th>
              {/* Second in the document as on the card's first row: a phone paints the card as it arrives. */}
              <td role="cell" className={`col-start-2 row-start-1 justify-self-end ${cell}`}>
                <OrderStatusBadge status={row.status} raw={row.statusRaw} />
              </td>
              <td role="cell" className={labelledCell}>
                <PhoneLabel>{t("date")}</PhoneLabel>
                <span className="min-w-0">
                  {row.placedAt ? (
                    <span className="block text-xs text-slate-700" data-testid="placed-on">
                      {t("placedOn")} <When at={row.placedAt} />
                    </span>
                  ) : null}
                  <When at={row.updatedAt} />
                </span>
              </td>
              <td role="cell" className={labelledCell}>
                <PhoneLabel>{t("creator")}</PhoneLabel>
                <span className="min-w-0 break-words">{row.creatorName ?? "—"}</span>
              </td>
              <td role="cell" className={`${labelledCell} tabular-nums lg:text-right`}>
                <PhoneLabel>{t("lines")}</PhoneLabel>
                {format.number(row.lineCount)}
              </td>
              <td role="cell" className={`${labelledCell} font-semibold tabular-nums lg:text-right`}>
                <PhoneLabel>{t("total")}</PhoneLabel>
                <span>
                  <Total row={row} />
                </span>
              </td>
              <td role="cell" className={`${row.dropship ? "col-span-2 mt-1" : "hidden"} ${cell}`}>
                <DropshipMark dropship={row.dropship} />
              </td>
              <td role="cell" className={`${labelledCell} tabular-nums lg:text-right`}>
                <PhoneLabel>{t("shipments")}</PhoneLabel>
                {format.number(row.shipmentCount)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
