import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";

import { recentAudit } from "@/lib/audit/log";
import { requireSession } from "@/lib/auth/session";
import { catalogueSyncStatus } from "@/lib/catalogue/sync/status";
import { getDb } from "@/lib/db";
import { PERMISSION_COMPANIES } from "@/lib/domain/user";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

const AUDIT_ACTIONS = ["switch-customer", "switch-back", "order-for-customer", "forbidden-customer"] as const;

/** For wholesaler staff: the state of the catalogue mirror, and who acted for which customer. */
export default async function AdminPage() {
  const session = await requireSession();
  if (!session.permissions.includes(PERMISSION_COMPANIES)) notFound();
  const db = await getDb();
  const [t, format, status, audit] = await Promise.all([
    getTranslations("admin"),
    getFormatter(),
    catalogueSyncStatus(db),
    recentAudit(db, 100),
  ]);
  const when = (date: Date | null) => (date ? format.dateTime(date, "long") : t("never"));
  const run = status.lastRun;

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
                {run.message ? <span className="block text-slate-700">{run.message}</span> : null}
              </>
            ) : (
              t("never")
            )}
          </dd>
          <dt className="text-slate-600">{t("products")}</dt>
          <dd>{t("productsValue", { available: status.products.available, total: status.products.total })}</dd>
          <dt className="text-slate-600">{t("failures")}</dt>
          <dd>{status.failuresPending}</dd>
          <dt className="text-slate-600">{t("lag")}</dt>
          <dd>{status.lagSeconds === null ? t("never") : t("lagValue", { seconds: status.lagSeconds })}</dd>
          <dt className="text-slate-600">{t("stockUpdated")}</dt>
          <dd>{when(status.stockUpdatedAt)}</dd>
        </dl>
      </section>

      <section aria-labelledby="audit" className="space-y-2">
        <h2 id="audit" className="text-lg font-semibold">
          {t("audit")}
        </h2>
        {audit.length ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
            <table className="w-full text-sm">
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
                </tr>
              </thead>
              <tbody>
                {audit.map((entry) => (
                  <tr key={entry.id} className="border-t border-slate-100">
                    <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(entry.at, "long")}</td>
                    <td className="px-3 py-2">{entry.actorName}</td>
                    <td className="px-3 py-2">
                      {(AUDIT_ACTIONS as readonly string[]).includes(entry.action)
                        ? t(`actions.${entry.action as (typeof AUDIT_ACTIONS)[number]}`)
                        : entry.action}
                    </td>
                    <td className="px-3 py-2 font-mono">{entry.customerCode}</td>
                    <td className="px-3 py-2 font-mono">{entry.orderId ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="text-slate-700">{t("auditEmpty")}</p>
        )}
      </section>
    </div>
  );
}
