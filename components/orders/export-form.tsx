import { useTranslations } from "next-intl";

import { buttonClasses } from "@/components/ui/button";
import type { DecimalSeparator } from "@/lib/orders/csv";
import { orderListSearchParams, type OrderListParams } from "@/lib/orders/list-params";

/** Download of the filtered list as CSV; the decimal separator defaults to the language's. */
export function ExportForm({ params, decimal }: { params: OrderListParams; decimal: DecimalSeparator }) {
  const t = useTranslations("orders.export");
  const hidden = [...orderListSearchParams(params, { page: false }).entries()];
  return (
    <form
      method="get"
      action="/orders/export"
      aria-label={t("label")}
      className="no-print flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3"
    >
      {hidden.map(([name, value], index) => (
        <input key={`${name}-${index}`} type="hidden" name={name} value={value} />
      ))}
      <div className="min-w-0">
        <label htmlFor="orders-decimal" className="block text-sm font-medium text-slate-800">
          {t("decimal")}
        </label>
        <select
          id="orders-decimal"
          name="decimal"
          defaultValue={decimal}
          className="mt-1 block min-h-touch max-w-full rounded-md border border-slate-300 bg-white px-2"
        >
          <option value=",">{t("decimalComma")}</option>
          <option value=".">{t("decimalPoint")}</option>
        </select>
      </div>
      <button type="submit" className={buttonClasses("secondary")}>
        <span aria-hidden="true">⤓</span>
        {t("download")}
      </button>
    </form>
  );
}
