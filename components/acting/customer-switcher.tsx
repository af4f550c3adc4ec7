"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";

import { useDeferredQuery } from "@/components/query/deferred-query";
import { useCurrentPath } from "@/components/shell/use-current-path";
import { useDebounced } from "@/components/ui/use-debounced";
import { actForCustomer } from "@/lib/acting/actions";

interface CompanyOption {
  code: string;
  name: string;
  city: string;
}

const RECENT_KEY = "portal.recent-customers";

function readRecent(): CompanyOption[] {
  try {
    const value = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? "[]") as unknown;
    return Array.isArray(value) ? (value as CompanyOption[]).slice(0, 5) : [];
  } catch {
    return [];
  }
}

/**
 * Wholesaler staff's customer switcher, in a disclosure (<details>) that opens without script.
 * Its search is a GET form to the customer search page (/customers), where each company has an
 * "Act for this customer" button posting to the server action: the whole switch works without
 * JavaScript. After hydration the field is a combobox over all companies, keyboard first (arrows,
 * Enter, Escape), recent choices on top, and a choice posts to the same server action.
 */
export function CustomerSwitcher() {
  const t = useTranslations("acting");
  const from = useCurrentPath();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const debounced = useDebounced(query, 150);
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<CompanyOption[]>([]);
  const [state, switchAction, switching] = useActionState(actForCustomer, null);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDetailsElement>(null);
  const summary = useRef<HTMLElement>(null);

  // Opened before its script ran (it hydrates from a script of its own): start as open.
  useEffect(() => {
    if (!root.current?.open) return;
    setRecent(readRecent());
    setOpen(true);
  }, []);
  useEffect(() => {
    if (!open) return;
    inputRef.current?.focus();
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) root.current.open = false;
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  // A switch done (the server sent the page back for the new customer) closes the panel; a refusal keeps it open.
  const wasSwitching = useRef(false);
  useEffect(() => {
    if (wasSwitching.current && !switching && !state && root.current) {
      root.current.open = false;
      setQuery("");
    }
    wasSwitching.current = switching;
  }, [switching, state]);

  // The query library is loaded when the panel is first opened.
  const { data, isLoading, isError, probe } = useDeferredQuery<{ companies: CompanyOption[]; skipped?: number }>({
    queryKey: ["companies", debounced],
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/companies?q=${encodeURIComponent(debounced)}`, { signal });
      if (!response.ok) throw new Error(String(response.status));
      return (await response.json()) as { companies: CompanyOption[]; skipped?: number };
    },
    enabled: open,
    staleTime: 60_000,
  });
  const results = data?.companies ?? [];
  // The options are those of what is typed only once the typing has settled and its answer is in: until
  // then they are an earlier query's (or the recent customers), and Enter must not act for one of them.
  const settled = debounced === query && !isLoading;
  const skipped = data?.skipped ?? 0;
  const options = open
    ? [
        ...(debounced ? [] : recent),
        ...results.filter((item) => debounced || !recent.some((r) => r.code === item.code)),
      ]
    : [];

  function choose(option: CompanyOption) {
    window.localStorage.setItem(
      RECENT_KEY,
      JSON.stringify([option, ...readRecent().filter((item) => item.code !== option.code)].slice(0, 5)),
    );
    const form = new FormData();
    form.set("code", option.code);
    form.set("from", from);
    startTransition(() => switchAction(form));
  }

  const status = switching
    ? t("switching")
    : state
      ? t(`error.${state.error}`)
      : !open
        ? ""
        : isLoading
          ? t("loading")
          : isError
            ? t("failed")
            : t("results", { count: results.length });

  return (
    <details
      ref={root}
      className="relative"
      onToggle={(event) => {
        const isOpen = event.currentTarget.open;
        if (isOpen) setRecent(readRecent());
        setOpen(isOpen);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && root.current?.open) {
          root.current.open = false;
          summary.current?.focus();
        }
      }}
    >
      <summary
        ref={summary}
        className="flex min-h-touch cursor-pointer list-none items-center rounded-md border border-white/40 px-3 text-sm font-semibold text-white hover:bg-white/10 [&::-webkit-details-marker]:hidden"
      >
        {t("switcher")}
      </summary>
      <div className="absolute right-0 z-50 mt-1 w-96 max-w-[calc(100vw-2rem)] rounded-md bg-white p-3 text-slate-900 shadow-lg">
        <form method="get" action="/customers" role="search" aria-label={t("switcher")}>
          <input type="hidden" name="from" value={from} />
          <label htmlFor={`${listId}-input`} className="block text-sm font-medium">
            {t("switcherLabel")}
          </label>
          <div className="mt-1 flex">
            <input
              ref={inputRef}
              id={`${listId}-input`}
              name="q"
              type="search"
              role="combobox"
              aria-expanded={options.length > 0}
              aria-controls={listId}
              aria-activedescendant={settled && options[active] ? `${listId}-${active}` : undefined}
              autoComplete="off"
              maxLength={100}
              placeholder={t("placeholder")}
              value={query}
              onChange={(event) => {
                setQuery(event.target.value);
                setActive(0);
              }}
              onKeyDown={(event) => {
                if (event.key === "ArrowDown") {
                  event.preventDefault();
                  setActive((index) => Math.min(index + 1, options.length - 1));
                } else if (event.key === "ArrowUp") {
                  event.preventDefault();
                  setActive((index) => Math.max(index - 1, 0));
                } else if (event.key === "Enter" && settled && options[active]) {
                  event.preventDefault();
                  choose(options[active]);
                }
                // Otherwise Enter sends the search form: the customer search page lists what was typed.
              }}
              className="block min-h-touch w-full min-w-0 rounded-l-md border border-slate-300 px-3 text-base"
            />
            <button
              type="submit"
              className="min-h-touch shrink-0 rounded-r-md bg-brand-700 px-3 text-sm font-semibold text-white hover:bg-brand-900"
            >
              {t("search")}
            </button>
          </div>
        </form>
        {probe}
        <p role="status" aria-live="polite" className="mt-1 text-xs text-slate-600">
          {status}
        </p>
        {skipped > 0 ? (
          <p data-testid="companies-skipped" className="mt-1 text-xs text-amber-900">
            {t("skipped", { count: skipped })}
          </p>
        ) : null}
        <ul id={listId} role="listbox" aria-label={t("switcher")} className="mt-2 max-h-80 overflow-y-auto">
          {options.map((option, index) => (
            <li
              key={`${option.code}-${index}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={settled && index === active}
              aria-label={t("choose", { name: option.name, code: option.code, city: option.city })}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              className="flex min-h-touch cursor-pointer items-center justify-between gap-2 rounded px-2 py-1 text-sm aria-selected:bg-brand-50"
            >
              <span className="min-w-0">
                <span className="block truncate font-medium">{option.name}</span>
                <span className="block text-xs text-slate-600">
                  <span className="font-mono">{option.code}</span> · {option.city}
                </span>
              </span>
              {!debounced && index < recent.length ? (
                <span className="text-xs text-slate-500">{t("recent")}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
