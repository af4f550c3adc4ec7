import { getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";
import { AUDIT_ACTIONS, hasAuditFilters, type AuditFilters } from "@/lib/audit/filters";

const inputClass =
  "mt-1 block min-h-touch w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-brand-500";
const labelClass = "block text-sm font-medium text-slate-800";

/** The audit log's filters: a plain GET form, so it works without JavaScript and the state is in the URL. */
export async function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  const t = await getTranslations("admin");
  return (
    <form
      method="get"
      action="/admin"
      role="search"
      aria-label={t("filters")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-5"
    >
      <div>
        <label htmlFor="audit-who" className={labelClass}>
          {t("filterWho")}
        </label>
        <input id="audit-who" name="who" type="search" defaultValue={filters.who} className={inputClass} />
      </div>
      <div>
        <label htmlFor="audit-what" className={labelClass}>
          {t("filterWhat")}
        </label>
        <select id="audit-what" name="what" defaultValue={filters.action ?? ""} className={inputClass}>
          <option value="">{t("filterAnyAction")}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-customer" className={labelClass}>
          {t("filterCustomer")}
        </label>
        <input
          id="audit-customer"
          name="customer"
          defaultValue={filters.customer ?? ""}
          autoCapitalize="characters"
          className={inputClass}
        />
      </div>
      <div>
        <label htmlFor="audit-from" className={labelClass}>
          {t("filterFrom")}
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={inputClass} />
      </div>
      <div>
        <label htmlFor="audit-to" className={labelClass}>
          {t("filterTo")}
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={inputClass} />
      </div>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClasses("primary")}>
          {t("filterApply")}
        </button>
        {hasAuditFilters(filters) ? (
          <Link href="/admin" className={buttonClasses("secondary")}>
            {t("filterClear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
