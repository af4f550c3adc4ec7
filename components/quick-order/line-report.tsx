"use client";

import { useTranslations } from "next-intl";

import type { LineReport } from "@/lib/cart/lines";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity";
import { useUnitName } from "@/lib/i18n/use-unit-name";

export interface ReportRow {
  line: number;
  identifier: string;
  report: LineReport | null;
  /** Set for lines whose quantity could not be read. */
  problem?: "quantity";
}

/** What will happen to each checked line, said in words. */
export function LineReportTable({ rows }: { rows: ReportRow[] }) {
  const t = useTranslations("quickOrder");
  const unitName = useUnitName();
  const ok = rows.filter(
    (row) => row.report && (row.report.outcome === "added" || row.report.outcome === "rounded"),
  ).length;
  return (
    <div className="space-y-2">
      <p role="status" className="font-semibold">
        {t("reportSummary", { ok, bad: rows.length - ok })}
      </p>
      <div className="max-h-96 overflow-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("report", { count: rows.length })}</caption>
          <thead className="sticky top-0 bg-slate-100">
            <tr>
              <th scope="col" className="px-2 py-1 text-left">
                {t("line")}
              </th>
              <th scope="col" className="px-2 py-1 text-left">
                {t("identifier")}
              </th>
              <th scope="col" className="px-2 py-1 text-left">
                {t("outcome")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const report = row.report;
              const outcome = row.problem ?? report?.outcome ?? "unknown";
              const good = outcome === "added" || outcome === "rounded";
              return (
                <tr key={`${row.line}-${row.identifier}`} className="border-t border-slate-100" data-outcome={outcome}>
                  <td className="px-2 py-1 align-top">{row.line}</td>
                  <td className="px-2 py-1 align-top">
                    <span className="font-mono break-all">{row.identifier}</span>
                    {report?.title ? <span className="block text-xs text-slate-600">{report.title}</span> : null}
                  </td>
                  <td
                    className={`px-2 py-1 align-top ${good ? (outcome === "rounded" ? "text-amber-900" : "text-green-800") : "text-red-800"}`}
                  >
                    <span aria-hidden="true">{good ? "✓ " : "✕ "}</span>
                    {t(
                      outcome === "rounded" && (report?.quantity ?? 0) < (report?.requested ?? 0)
                        ? "outcomes.capped"
                        : `outcomes.${outcome}`,
                      {
                        quantity: report?.quantity ?? 0,
                        requested: report?.requested ?? 0,
                        max: MAX_LINE_QUANTITY,
                        unit: unitName(report?.salesUnit),
                        amount: report?.salesUnitAmount ?? 1,
                      },
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
