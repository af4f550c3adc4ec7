import { NextResponse, type NextRequest } from "next/server";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { z } from "zod";

import { requireSession } from "@/lib/auth/session";
import { ORDER_CSV_COLUMNS, type OrderCsvColumn } from "@/lib/orders/csv";
import { exportOrders } from "@/lib/orders/list-orders";
import { parseOrderListParams } from "@/lib/orders/list-params";

const decimalParam = z.enum([".", ","]).default(".");

/**
 * The filtered order list as CSV (GET /orders/export?status=…&from=…&to=…&q=…&sort=…&decimal=,).
 * The same filters as the list page, validated the same way; every matching order, not just one page.
 */
export async function GET(request: NextRequest) {
  const query = request.nextUrl.searchParams;
  const params = parseOrderListParams(query);
  // The filters fall back to their defaults as on the list page; a separator the form never sends is refused.
  const decimalParsed = decimalParam.safeParse(query.get("decimal") ?? undefined);
  if (!decimalParsed.success) {
    return new NextResponse("Bad request: decimal is . or ,\n", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const decimal = decimalParsed.data;
  const session = await requireSession();
  const [t, ts, common, timeZone, locale] = await Promise.all([
    getTranslations("orders.csv"),
    getTranslations("orderStatus"),
    getTranslations("common"),
    getTimeZone(),
    getLocale(),
  ]);
  const headers = Object.fromEntries(ORDER_CSV_COLUMNS.map((column) => [column, t(`columns.${column}`)])) as Record<
    OrderCsvColumn,
    string
  >;
  const exported = await exportOrders(session, params, {
    decimal,
    timeZone,
    headers,
    statusLabel: (status, raw) => (status === "unknown" ? ts("unknown", { raw }) : ts(status)),
    locale,
    yes: common("yes"),
    no: common("no"),
  });
  if (!exported.ok) {
    return new NextResponse(`${t("unavailable")}\n`, {
      status: exported.kind === "rate_limited" ? 429 : 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new NextResponse(exported.value.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exported.value.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
