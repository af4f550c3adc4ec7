import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";

import { Pagination } from "@/components/catalogue/pagination";
import { Link } from "@/components/link";
import { ExportForm } from "@/components/orders/export-form";
import { OrderFilters } from "@/components/orders/order-filters";
import { OrderList, orderRow } from "@/components/orders/order-list";
import { UpstreamProblem } from "@/components/orders/upstream-problem";
import { buttonClasses } from "@/components/ui/button";
import { activeCustomer } from "@/lib/acting/policy";
import { requireSession } from "@/lib/auth/session";
import { rawQuery, type SearchParams } from "@/lib/http/raw-query";
import { hasActiveFilters, orderListQuery, parseOrderListParams } from "@/lib/orders/list-params";
import { listOrders } from "@/lib/orders/list-orders";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("orders");
  return { title: t("title") };
}

/** The active customer's orders: filters, sort and page in the URL; paged here (the upstream does not page). */
export default async function OrdersPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = parseOrderListParams(raw);
  // One address per list: the form's empty fields and defaults, and bad values, leave the URL.
  const canonical = orderListQuery(params);
  if (rawQuery(raw) !== canonical) redirect(`/orders${canonical}`);
  const session = await requireSession();
  const [t, timeZone, locale] = await Promise.all([getTranslations("orders"), getTimeZone(), getLocale()]);
  const loaded = await listOrders(session, params, timeZone);
  const customerCode = activeCustomer(session);
  const company = session.activeCompanyName ?? customerCode;

  let body: React.ReactNode;
  if (!loaded.ok) {
    body = (
      <UpstreamProblem
        kind={loaded.kind}
        title={t("list.unavailable")}
        retryHref={`/orders${orderListQuery(params)}`}
      />
    );
  } else {
    const page = loaded.value;
    const filtered = hasActiveFilters(params.filters);
    if (!page.total) {
      body = (
        <div role="status" className="rounded-lg border border-slate-200 bg-white p-6">
          <p className="font-semibold">{filtered ? t("list.noMatches") : t("list.none")}</p>
          <p className="mt-1 text-slate-700">{filtered ? t("list.noMatchesHint") : t("list.noneHint")}</p>
          <Link href={filtered ? "/orders" : "/catalogue"} className={buttonClasses("secondary", "mt-4")}>
            {filtered ? t("filters.clear") : t("list.browse")}
          </Link>
        </div>
      );
    } else {
      const caption = t("list.caption", { first: page.first, last: page.last, total: page.total });
      body = (
        <>
          <OrderList rows={page.items.map(orderRow)} caption={caption} />
          <Pagination
            page={page.page}
            pageCount={page.pageCount}
            hrefFor={(target) => `/orders${orderListQuery({ ...params, page: target })}`}
          />
          <ExportForm params={params} decimal={locale === "nl" ? "," : "."} />
        </>
      );
    }
  }

  const skipped = loaded.ok ? loaded.value.skipped : 0;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro", { company, code: customerCode })}</p>
      </div>
      <OrderFilters params={params} />
      {skipped > 0 ? (
        <p
          role="status"
          data-testid="orders-skipped"
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          {t("list.skipped", { count: skipped })}
        </p>
      ) : null}
      {body}
    </div>
  );
}
