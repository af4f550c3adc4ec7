"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useId, useState } from "react";

import { useCatalogueSuggestions } from "@/components/catalogue/use-catalogue-suggestions";
import type { Suggestion } from "@/lib/catalogue/search-catalogue";

/**
 * The catalogue search in the header: suggestions as the dealer types
 * (debounced, stale requests cancelled, arrow keys and Enter), Enter without a
 * choice opens the results page. A barcode scanner typing 13 digits and Enter works too.
 * `byCode`: an account without the product list looks up one SKU, part number or barcode, with no suggestions.
 * Before hydration it is the plain GET form to /search.
 */
export function SearchBox({ id = "site-search", byCode = false }: { id?: string; byCode?: boolean }) {
  const t = useTranslations("searchBox");
  const ts = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const params = useSearchParams();
  const listboxId = useId();
  const [value, setValue] = useState(params.get("q") ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { asked, suggestions: shown, probe } = useCatalogueSuggestions(value, !byCode && open);
  const expanded = shown.length > 0;

  function choose(suggestion: Suggestion) {
    setOpen(false);
    router.push(`/products/${encodeURIComponent(suggestion.sku)}`);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && shown.length) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % shown.length);
    } else if (event.key === "ArrowUp" && shown.length) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? shown.length - 1 : index - 1));
    } else if (event.key === "Escape") {
      setOpen(false);
      setActive(-1);
    } else if (event.key === "Enter" && active >= 0 && shown[active]) {
      event.preventDefault();
      choose(shown[active]);
    }
  }

  return (
    <form
      role="search"
      method="get"
      action="/search"
      className="relative flex w-full min-w-0"
      aria-label={t("label")}
      onSubmit={() => setOpen(false)}
    >
      <label htmlFor={id} className="sr-only">
        {t("label")}
      </label>
      <input
        id={id}
        name="q"
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listboxId}-${active}` : undefined}
        enterKeyHint="search"
        autoComplete="off"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
        placeholder={byCode ? t("placeholderByCode") : t("placeholder")}
        maxLength={200}
        className="min-h-touch w-full min-w-0 rounded-l-md border border-slate-300 bg-white px-3 text-base text-slate-900 placeholder:text-slate-500"
      />
      <button
        type="submit"
        className="min-h-touch shrink-0 rounded-r-md bg-brand-900 px-4 text-sm font-semibold text-white hover:bg-black"
      >
        {t("submit")}
      </button>
      <p className="sr-only" aria-live="polite">
        {asked ? ts("search.suggestionsCount", { count: shown.length }) : ""}
      </p>
      {probe}
      <ul
        id={listboxId}
        role="listbox"
        aria-label={ts("search.suggestions")}
        hidden={!expanded}
        className="absolute top-full right-0 left-0 z-50 mt-1 max-h-[70vh] overflow-y-auto rounded-md border border-slate-200 bg-white text-slate-900 shadow-lg"
      >
        {shown.map((suggestion, index) => (
          <li
            key={suggestion.sku}
            id={`${listboxId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(suggestion)}
            className="flex min-h-touch cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm aria-selected:bg-brand-50"
          >
            <span className="min-w-0">
              <span className="block truncate font-medium">{suggestion.name}</span>
              <span className="block font-mono text-xs text-slate-600">{suggestion.sku}</span>
            </span>
            <span className="shrink-0 text-right text-xs">
              {suggestion.priceOnDemand ? (
                ts("product.priceOnDemand")
              ) : suggestion.priceExVat !== null ? (
                <>
                  <span className="block text-slate-600">{ts("product.listPrice")}</span>
                  {format.number(suggestion.priceExVat, "money")}
                </>
              ) : null}
              <span className="block">{ts(`product.stock.${suggestion.stockColour ?? "unknown"}`)}</span>
            </span>
          </li>
        ))}
      </ul>
    </form>
  );
}
