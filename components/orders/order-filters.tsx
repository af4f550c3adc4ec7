import { useTranslations } from "next-intl";

import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";
import { FOLD, FOLD_SUMMARY } from "@/components/ui/fold";
import { ORDER_STATUSES } from "@/lib/domain/order";
import { hasActiveFilters, ORDER_SORTS, type OrderListParams } from "@/lib/orders/list-params";

const inputClass =
  "mt-1 block min-h-touch w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500";

/**
 * Filters and sort of the order list: a plain GET form, so the state is in the
 * URL (shareable, the back button works) and it works without JavaScript.
 */
export function OrderFilters({ params }: { params: OrderListParams }) {
  const t = useTranslations("orders.filters");
  const ts = useTranslations("orderStatus");
  const tSort = useTranslations("orders.sorts");
  const { filters } = params;
  const active =
    filters.statuses.length +
    Number(Boolean(filters.from)) +
    Number(Boolean(filters.to)) +
    Number(Boolean(filters.text)) +
    Number(params.sort !== "date-desc");
  return (
    // On a phone the filters fold behind one button (a <details>: no script needed), so the first
    // order shows on the first screen; from md up they are always shown.
    <details className={`no-print ${FOLD}`}>
      <summary className={FOLD_SUMMARY}>
        <span>{t("show", { count: active })}</span>
        <span aria-hidden="true" className="text-slate-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form
        method="get"
        action="/orders"
        role="search"
        aria-label={t("label")}
        className="no-print space-y-4 rounded-lg border border-slate-200 bg-white p-3 sm:p-4"
      >
        <fieldset>
          <legend className="text-sm font-semibold text-slate-800">{t("status")}</legend>
          <div className="mt-1 grid grid-cols-2 gap-x-4 sm:flex sm:flex-wrap">
            {ORDER_STATUSES.map((status) => (
              <label key={status} className="flex min-h-touch min-w-0 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="status"
                  value={status}
                  defaultChecked={filters.statuses.includes(status)}
                  className="h-5 w-5 shrink-0 accent-brand-600"
                />
                <span className="min-w-0 break-words">{ts(status)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_2fr_1.5fr]">
          <div>
            <label htmlFor="orders-from" className="block text-sm font-medium text-slate-800">
              {t("from")}
            </label>
            <input id="orders-from" type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="orders-to" className="block text-sm font-medium text-slate-800">
              {t("to")}
            </label>
            <input id="orders-to" type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
          </div>
          <div>
            <label htmlFor="orders-q" className="block text-sm font-medium text-slate-800">
              {t("text")}
            </label>
            <input
              id="orders-q"
              type="search"
              name="q"
              maxLength={100}
              defaultValue={filters.text}
              aria-describedby="orders-q-hint"
              className={inputClass}
            />
            <p id="orders-q-hint" className="mt-1 text-xs text-slate-600">
              {t("textHint")}
            </p>
          </div>
          <div>
            <label htmlFor="orders-sort" className="block text-sm font-medium text-slate-800">
              {t("sort")}
            </label>
            <select id="orders-sort" name="sort" defaultValue={params.sort} className={inputClass}>
              {ORDER_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {tSort(sort)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClasses("primary")}>
            {t("apply")}
          </button>
          {hasActiveFilters(filters) || params.sort !== "date-desc" ? (
            <Link href="/orders" className={buttonClasses("ghost")}>
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>
    </details>
  );
}
