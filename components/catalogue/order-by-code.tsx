import { getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * For an account without the product list: it orders by SKU, part number or barcode. Says so, and
 * offers the ways to: a look-up of one exact code (the search page opens that product), quick
 * order and scanning.
 */
export async function OrderByCode({ query, notice }: { query?: string; notice?: React.ReactNode }) {
  const t = await getTranslations("catalogue.byCode");
  return (
    <section aria-labelledby="order-by-code" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="order-by-code" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {notice ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {notice}
        </p>
      ) : null}
      <p className="max-w-prose text-slate-700">{t("text")}</p>
      <form action="/search" method="get" className="flex max-w-md flex-wrap items-end gap-2">
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium">
          {t("lookupLabel")}
          <input
            name="q"
            type="text"
            required
            maxLength={64}
            autoComplete="off"
            autoCapitalize="characters"
            defaultValue={query}
            className="min-h-touch rounded-md border border-slate-300 px-3 font-mono text-base"
          />
        </label>
        <button type="submit" className={buttonClasses("primary")}>
          {t("lookupSubmit")}
        </button>
      </form>
      <nav aria-label={t("ways")}>
        <ul className="space-y-1">
          <li>
            <Link href="/quick-order" className="font-semibold text-brand-700 underline">
              {t("quickOrder")}
            </Link>
          </li>
          <li>
            <Link href="/scan" className="font-semibold text-brand-700 underline">
              {t("scan")}
            </Link>
          </li>
        </ul>
      </nav>
    </section>
  );
}
