import type { Order, OrderStatus } from "@/lib/domain/order";
import { countryName } from "@/lib/i18n/countries";

import { lineTotal, orderTotals } from "./totals";

/**
 * CSV export of orders: one row per order line, the order's fields repeated on
 * each (an order without lines still gets one row). RFC 4180: fields with the
 * separator, a quote, CR or LF are quoted, quotes doubled, rows end in CRLF.
 * With "," as the decimal separator (Dutch Excel) the fields are separated by
 * ";". A UTF-8 byte order mark makes Excel read accents right.
 *
 * Text that a spreadsheet would run as a formula (starting with = + - @, tab or
 * CR) gets a leading apostrophe: a reference typed by someone must not become
 * a formula on a colleague's machine. Numbers are written by this module and
 * never altered.
 */

export type DecimalSeparator = "." | ",";
export const DECIMAL_SEPARATORS: readonly DecimalSeparator[] = [".", ","];

export const BOM = "\uFEFF";

export function fieldSeparator(decimal: DecimalSeparator): "," | ";" {
  return decimal === "," ? ";" : ",";
}

export function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole document: BOM, rows joined by CRLF, a CRLF after the last row. */
export function csvDocument(rows: readonly (readonly string[])[], separator: string): string {
  return BOM + rows.map((row) => row.map((value) => csvField(value, separator)).join(separator) + "\r\n").join("");
}

/** Text a spreadsheet would read as a formula gets a leading apostrophe. */
export function safeText(value: string | null | undefined): string {
  const text = value ?? "";
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A plain number (no thousands separator) with a fixed number of decimals; "" when unknown. */
export function formatDecimal(value: number | null | undefined, decimals: number, decimal: DecimalSeparator): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const text = value.toFixed(decimals);
  return decimal === "," ? text.replace(".", ",") : text;
}

/** A number with as many decimals as it has (a quantity, a VAT rate). */
function formatNumber(value: number | null | undefined, decimal: DecimalSeparator): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  const text = String(value);
  return decimal === "," ? text.replace(".", ",") : text;
}

const stampFormatters = new Map<string, Intl.DateTimeFormat>();

/** "2024-03-31 14:05" in the time zone: sorts as text and every spreadsheet reads it. */
export function formatStamp(instant: Date | null, timeZone: string): string {
  if (!instant) return "";
  let formatter = stampFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    stampFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

export const ORDER_CSV_COLUMNS = [
  "orderId",
  "reference",
  "status",
  "placedAt",
  "updatedAt",
  "creator",
  "customerCode",
  "customerName",
  "dropship",
  "deliveryName",
  "deliveryPostcode",
  "deliveryCity",
  "deliveryCountry",
  "shipments",
  "orderTotalExVat",
  "orderTotalIncVat",
  "sku",
  "title",
  "barcode",
  "quantity",
  "priceUnit",
  "salesUnit",
  "salesUnitAmount",
  "listPrice",
  "customerPrice",
  "soldPrice",
  "discount",
  "vatRate",
  "lineTotalExVat",
  "lineTotalIncVat",
] as const;
export type OrderCsvColumn = (typeof ORDER_CSV_COLUMNS)[number];

export interface OrderCsvOptions {
  decimal: DecimalSeparator;
  timeZone: string;
  /** Column titles in the dealer's language. */
  headers: Record<OrderCsvColumn, string>;
  /** A status in words. */
  statusLabel: (status: OrderStatus, raw: string) => string;
  /** The dealer's language, in which countries are named. */
  locale: string;
  yes: string;
  no: string;
}

function orderFields(order: Order, options: OrderCsvOptions): Record<OrderCsvColumn, string> {
  const { decimal } = options;
  const address = order.shippingAddress;
  const totals = orderTotals(order.lines);
  const name = [address?.firstName, address?.lastName].filter(Boolean).join(" ");
  return {
    orderId: order.id,
    reference: safeText(order.reference),
    status: options.statusLabel(order.status, order.statusRaw),
    placedAt: formatStamp(order.placedAt ?? null, options.timeZone),
    updatedAt: formatStamp(order.updatedAt, options.timeZone),
    creator: safeText(order.creatorName),
    customerCode: safeText(order.customer?.code),
    customerName: safeText(order.customer?.name ?? order.companyName),
    dropship: order.dropship ? options.yes : options.no,
    deliveryName: safeText(name),
    deliveryPostcode: safeText(address?.postcode),
    deliveryCity: safeText(address?.city),
    deliveryCountry: safeText(countryName(address?.country, options.locale)),
    shipments: safeText(order.shipments.map((shipment) => `${shipment.courier} ${shipment.trackerCode}`).join(" | ")),
    orderTotalExVat: formatDecimal(totals.incomplete ? null : totals.exVat, 2, decimal),
    orderTotalIncVat: formatDecimal(totals.incomplete ? null : totals.incVat, 2, decimal),
    sku: "",
    title: "",
    barcode: "",
    quantity: "",
    priceUnit: "",
    salesUnit: "",
    salesUnitAmount: "",
    listPrice: "",
    customerPrice: "",
    soldPrice: "",
    discount: "",
    vatRate: "",
    lineTotalExVat: "",
    lineTotalIncVat: "",
  };
}

export function orderCsvRows(orders: readonly Order[], options: OrderCsvOptions): string[][] {
  const { decimal } = options;
  const rows: string[][] = [ORDER_CSV_COLUMNS.map((column) => options.headers[column])];
  for (const order of orders) {
    const base = orderFields(order, options);
    if (!order.lines.length) {
      rows.push(ORDER_CSV_COLUMNS.map((column) => base[column]));
      continue;
    }
    for (const line of order.lines) {
      const total = lineTotal(line);
      const fields: Record<OrderCsvColumn, string> = {
        ...base,
        sku: safeText(line.sku),
        title: safeText(line.title),
        barcode: safeText(line.barcode),
        quantity: formatNumber(line.quantity, decimal),
        priceUnit: safeText(line.priceUnit),
        salesUnit: safeText(line.salesUnit),
        salesUnitAmount: formatNumber(line.salesUnitAmount, decimal),
        listPrice: formatDecimal(line.listPrice, 2, decimal),
        customerPrice: formatDecimal(line.customerPrice, 2, decimal),
        soldPrice: formatDecimal(line.soldPrice, 2, decimal),
        discount: formatNumber(line.discount, decimal),
        vatRate: formatNumber(line.vatRate, decimal),
        lineTotalExVat: formatDecimal(total.exVat, 2, decimal),
        lineTotalIncVat: formatDecimal(total.incVat, 2, decimal),
      };
      rows.push(ORDER_CSV_COLUMNS.map((column) => fields[column]));
    }
  }
  return rows;
}

export function ordersCsv(orders: readonly Order[], options: OrderCsvOptions): string {
  return csvDocument(orderCsvRows(orders, options), fieldSeparator(options.decimal));
}
