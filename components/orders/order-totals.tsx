import { useFormatter, useTranslations } from "next-intl";

import type { OrderTotals } from "@/lib/orders/totals";

/** Totals excl. and incl. VAT per VAT rate, and overall. */
export function OrderTotalsTable({ totals }: { totals: OrderTotals }) {
  const t = useTranslations("orders.totals");
  const format = useFormatter();
  const money = (value: number | null) => (value === null ? "—" : format.number(value, "money"));
  const cell = "px-3 py-2 text-right tabular-nums whitespace-nowrap";
  return (
    <div className="max-w-xl">
      <table className="w-full rounded-lg border border-slate-200 bg-white text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              {t("rate")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("exVat")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("vat")}
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              {t("incVat")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
          {totals.byRate.map((group) => (
            <tr key={String(group.vatRate)}>
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {group.vatRate === null ? t("rateUnknown") : t("rateValue", { rate: group.vatRate })}
              </th>
              <td className={cell}>{money(group.exVat)}</td>
              <td className={cell}>{money(group.vat)}</td>
              <td className={cell}>{money(group.incVat)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t-2 border-slate-300 font-semibold">
          <tr>
            <th scope="row" className="px-3 py-2 text-left">
              {t("total")}
            </th>
            <td className={cell}>{money(totals.exVat)}</td>
            <td className={cell}>{money(totals.vat)}</td>
            <td className={cell}>{money(totals.incVat)}</td>
          </tr>
        </tfoot>
      </table>
      {totals.incomplete ? (
        <p className="mt-2 text-sm text-slate-700">{t("incomplete", { count: totals.unpriced })}</p>
      ) : null}
    </div>
  );
}
