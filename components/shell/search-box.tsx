"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";

/** The catalogue search in the header. Submits to /search?q=… */
export function SearchBox({ id = "site-search" }: { id?: string }) {
  const t = useTranslations("searchBox");
  const params = useSearchParams();
  return (
    <form role="search" action="/search" className="flex w-full min-w-0" aria-label={t("label")}>
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        enterKeyHint="search"
        autoComplete="off"
        defaultValue={params.get("q") ?? ""}
        placeholder={t("placeholder")}
        maxLength={200}
        className="min-h-touch w-full min-w-0 rounded-l-md border border-slate-300 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500"
      />
      <button
        type="submit"
        className="min-h-touch shrink-0 rounded-r-md bg-brand-900 px-4 text-sm font-semibold text-white hover:bg-black"
      >
        {t("submit")}
      </button>
    </form>
  );
}
