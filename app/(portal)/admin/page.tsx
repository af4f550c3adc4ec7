import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getFormatter, getTimeZone, getTranslations } from "next-intl/server";

import { AuditFiltersForm } from "@/components/acting/audit-filters";
import { RetryQueue } from "@/components/admin/retry-queue";
import { SystemMessage } from "@/components/admin/system-message";
import { Pagination } from "@/components/catalogue/pagination";
import { adminOverview } from "@/lib/audit/admin-overview";
import { AUDIT_ACTIONS, auditQuery, hasAuditFilters, MANY_CUSTOMERS, parseAuditFilters } from "@/lib/audit/filters";
import { requireSession } from "@/lib/auth/session";
import { rawQuery, type SearchParams } from "@/lib/http/raw-query";
import { inLargestUnit } from "@/lib/i18n/durations";
import { notFoundPage } from "@/lib/http/not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

type Props = { searchParams: Promise<SearchParams> };

/** For wholesaler staff: the state of the catalogue mirror, and who acted for which customer. */
export default async function AdminPage({ searchParams }: Props) {
  const session = await requireSession();
  const raw = await searchParams;
  const filters = parseAuditFilters(raw);
  // One address per view: the form's empty fields, and bad values, leave the URL.
  const canonical = auditQuery(filters);
  if (rawQuery(raw) !== canonical) redirect(`/admin${canonical}`);
  const timeZone = await getTimeZone();
  const overview = await adminOverview(session, filters, timeZone);
  if (!overview) return notFoundPage();
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const { sync: status, audit } = overview;
  const when = (date: Date | null) => (date ? format.dateTime(date, "long") : t("never"));
  const run = status.lastRun;
  const duration = (seconds: number) => {
    const { value, unit } = inLargestUnit(seconds);
    return format.number(value, { style: "unit", unit, unitDisplay: "long" });
  };

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <section aria-labelledby="sync-status" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sync-status" className="mb-3 text-lg font-semibold">
          {t("sync")}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("firstCompleted")}</dt>
          <dd>{status.firstCompletedAt ? when(status.firstCompletedAt) : t("notYet")}</dd>
          <dt className="text-slate-600">{t("lastRun")}</dt>
          <dd>
            {run ? (
              <>
                {t("lastRunValue", { kind: run.kind, outcome: run.outcome, started: when(run.startedAt) })}
                <span className="block text-slate-700">
                  {t("counts", {
                    listed: run.counts.listed,
                    stored: run.counts.stored,
                    failed: run.counts.failed,
                    vanished: run.counts.vanished,
                    calls: run.counts.upstreamCalls,
                  })}
                </span>
                {run.reason ? (
                  <span className="block text-slate-700">
                    {t("runReason", { reason: run.reason, failed: run.counts.failed })}
                  </span>
                ) : null}
                {run.message ? <SystemMessage message={run.message} /> : null}
              </>
            ) : (
              t("never")
            )}
          </dd>
          <dt className="text-slate-600">{t("products")}</dt>
          <dd>{t("productsValue", { available: status.products.available, total: status.products.total })}</dd>
          <dt className="text-slate-600">{t("failures")}</dt>
          <dd>{format.number(status.failuresPending)}</dd>
          <dt className="text-slate-600">{t("lag")}</dt>
          <dd>{status.lagSeconds === null ? t("never") : duration(status.lagSeconds)}</dd>
          <dt className="text-slate-600">{t("stockUpdated")}</dt>
          <dd>
            {when(status.stockUpdatedAt)}
            {status.stockFailure ? (
              <>
                <span className="block text-red-800">
                  {t("stockFailed", { time: when(status.stockFailure.at) })}{" "}
                  {t("runReason", { reason: status.stockFailure.reason, failed: 0 })}
                </span>
                {status.stockFailure.message ? <SystemMessage message={status.stockFailure.message} /> : null}
              </>
            ) : null}
          </dd>
        </dl>
        <RetryQueue failures={status.nextFailures} pending={status.failuresPending} now={new Date()} />
      </section>

      <section aria-labelledby="audit" className="space-y-3">
        <h2 id="audit" className="text-lg font-semibold">
          {t("audit")}
        </h2>
        <AuditFiltersForm filters={filters} />
        {audit.rows.length ? (
          <>
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
              <table className="w-full text-sm">
                <caption className="sr-only">
                  {t("auditCaption", { page: audit.page, pageCount: audit.pageCount, total: audit.total })}
                </caption>
                <thead className="bg-slate-100 text-left">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t("auditWhen")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("auditWho")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("auditWhat")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("auditCustomer")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("auditOrder")}
                    </th>
                    <th scope="col" className="px-3 py-2">
                      {t("auditTimes")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {audit.rows.map((entry) => (
                    <tr key={entry.id} className="border-t border-slate-100" data-testid="audit-row">
                      <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(entry.at, "long")}</td>
                      <td className="px-3 py-2">
                        {entry.actorName}
                        <span className="block text-xs break-all text-slate-600">{entry.actorEmail}</span>
                      </td>
                      <td className="px-3 py-2">
                        {(AUDIT_ACTIONS as readonly string[]).includes(entry.action)
                          ? t(`actions.${entry.action as (typeof AUDIT_ACTIONS)[number]}`)
                          : entry.action}
                      </td>
                      <td className="px-3 py-2 font-mono">
                        {entry.customerCode === MANY_CUSTOMERS ? t("manyCustomers") : entry.customerCode}
                      </td>
                      <td className="px-3 py-2 font-mono">{entry.orderId ?? "—"}</td>
                      <td className="px-3 py-2" data-testid="audit-count" data-count={entry.count}>
                        {t("auditRepeated", { count: entry.count, last: format.dateTime(entry.lastAt, "long") })}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination
              page={audit.page}
              pageCount={audit.pageCount}
              hrefFor={(page) => `/admin${auditQuery(filters, page)}`}
            />
          </>
        ) : (
          <p role="status" className="text-slate-700">
            {hasAuditFilters(filters) ? t("auditNoMatches") : t("auditEmpty")}
          </p>
        )}
      </section>
    </div>
  );
}
