import { NextResponse, type NextRequest } from "next/server";
import { getTimeZone, getTranslations } from "next-intl/server";
import { z } from "zod";

import { sessionUpstream } from "@/lib/auth/session";
import { ORDER_CSV_COLUMNS, ordersCsv, type OrderCsvColumn } from "@/lib/orders/csv";
import { selectOrders } from "@/lib/orders/filter";
import { parseOrderListParams } from "@/lib/orders/list-params";
import { loadOrders } from "@/lib/orders/load";

const decimalParam = z.enum([".", ","]).catch(".");

/**
 * The filtered order list as CSV (GET /orders/export?status=…&from=…&to=…&q=…&sort=…&decimal=,).
 * The same filters as the list page, validated the same way; every matching order, not just one page.
 */
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const params = parseOrderListParams(query);
  const decimal = decimalParam.parse(query.get("decimal") ?? ".");
  const { session, upstream } = await sessionUpstream();
  const [t, ts, common, timeZone, loaded] = await Promise.all([
    getTranslations("orders.csv"),
    getTranslations("orderStatus"),
    getTranslations("common"),
    getTimeZone(),
    loadOrders(upstream, session, params.filters.statuses),
  ]);
  if (!loaded.ok) {
    return new NextResponse(`${t("unavailable")}\n`, {
      status: loaded.kind === "rate_limited" ? 429 : 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { sorted } = selectOrders(loaded.value, params, timeZone);
  const headers = Object.fromEntries(ORDER_CSV_COLUMNS.map((column) => [column, t(`columns.${column}`)])) as Record<
    OrderCsvColumn,
    string
  >;
  const csv = ordersCsv(sorted, {
    decimal,
    timeZone,
    headers,
    statusLabel: (status, raw) => (status === "unknown" ? ts("unknown", { raw }) : ts(status)),
    yes: common("yes"),
    no: common("no"),
  });
  const day = new Date().toISOString().slice(0, 10);
  const customer = session.activeCustomerCode.replace(/[^A-Za-z0-9_-]/g, "");
  return new NextResponse(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="orders-${customer}-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
