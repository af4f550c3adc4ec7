"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition } from "react";

import { FOLD, FOLD_SUMMARY } from "@/components/ui/fold";
import { PRODUCT_SORTS, type ProductSort } from "@/lib/catalogue/types";

/** The address's parameter of each control, and the part of the shown state it sets. */
const SHOWN_AS = { sort: "sort", instock: "inStockOnly", dropship: "dropshipableOnly" } as const;

/**
 * Filters and sort of a product list. Every change rewrites the URL (page back
 * to 1), so a list can be shared and the back button steps through the changes.
 * Without JavaScript, the Apply button submits the same form.
 */
export function ListControls({
  sort,
  inStockOnly,
  dropshipableOnly,
}: {
  sort: ProductSort;
  inStockOnly: boolean;
  dropshipableOnly: boolean;
}) {
  const t = useTranslations("catalogue");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  // The controls answer at once; the list follows when the new URL has rendered.
  const [state, setState] = useOptimistic({ sort, inStockOnly, dropshipableOnly });

  function update(name: keyof typeof SHOWN_AS, value: string | null) {
    const shown = { ...state, [SHOWN_AS[name]]: name === "sort" ? (value ?? "relevance") : value === "1" };
    const next = new URLSearchParams(params.toString());
    if (value === null || (name === "sort" && value === "relevance")) next.delete(name);
    else next.set(name, value);
    next.delete("page");
    const query = next.toString();
    startTransition(() => {
      setState(shown);
      router.push(`${pathname}${query ? `?${query}` : ""}`, { scroll: false });
    });
  }

  const q = params.get("q");
  const active = Number(state.inStockOnly) + Number(state.dropshipableOnly) + Number(state.sort !== "relevance");
  return (
    // On a phone the controls fold behind one button (a <details>: no script needed), so the list
    // starts high on the first screen; from md up they are always shown.
    <details className={FOLD}>
      <summary className={FOLD_SUMMARY}>
        <span>{t("filtersSummary", { count: active })}</span>
        <span aria-hidden="true" className="text-slate-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form
        method="get"
        aria-label={t("filters")}
        aria-busy={pending}
        className="flex flex-wrap items-end gap-x-4 gap-y-2 rounded-lg border border-slate-200 bg-white p-3"
      >
        {q ? <input type="hidden" name="q" value={q} /> : null}
        <label className="flex min-h-touch items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="instock"
            value="1"
            checked={state.inStockOnly}
            onChange={(event) => update("instock", event.target.checked ? "1" : null)}
            className="h-5 w-5 accent-brand-600"
          />
          {t("inStockOnly")}
        </label>
        <label className="flex min-h-touch items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="dropship"
            value="1"
            checked={state.dropshipableOnly}
            onChange={(event) => update("dropship", event.target.checked ? "1" : null)}
            className="h-5 w-5 accent-brand-600"
          />
          {t("dropshipableOnly")}
        </label>
        <label className="flex flex-col text-sm sm:ml-auto">
          <span className="font-medium">{t("sort")}</span>
          <select
            name="sort"
            value={state.sort}
            onChange={(event) => update("sort", event.target.value)}
            className="min-h-touch rounded-md border border-slate-300 bg-white px-2"
          >
            {PRODUCT_SORTS.map((value) => (
              <option key={value} value={value}>
                {t(`sorts.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <noscript>
          <button type="submit" className="min-h-touch rounded-md bg-brand-600 px-3 text-sm font-semibold text-white">
            {t("apply")}
          </button>
        </noscript>
      </form>
    </details>
  );
}
