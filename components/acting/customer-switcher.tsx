"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

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
 * Asks the server to switch the active customer in the session (POST /api/session/customer, which
 * decides); the page then shows that customer's cart and orders.
 */
export async function requestCustomerSwitch(code: string | null): Promise<boolean> {
  const response = await fetch("/api/session/customer", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ code }),
  });
  return response.ok;
}

/**
 * Wholesaler staff's customer switcher: a searchable list of all companies,
 * keyboard first (arrows, Enter, Escape), recent choices on top.
 */
export function CustomerSwitcher() {
  const t = useTranslations("acting");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<CompanyOption[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), 150);
    return () => clearTimeout(timer);
  }, [query]);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  const { data, isLoading, isError } = useQuery({
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
  const skipped = data?.skipped ?? 0;
  const options = [
    ...(debounced ? [] : recent),
    ...results.filter((item) => debounced || !recent.some((r) => r.code === item.code)),
  ];

  async function choose(option: CompanyOption) {
    setStatus(t("switching"));
    if (await requestCustomerSwitch(option.code)) {
      window.localStorage.setItem(
        RECENT_KEY,
        JSON.stringify([option, ...readRecent().filter((item) => item.code !== option.code)].slice(0, 5)),
      );
      setOpen(false);
      setQuery("");
      setStatus(null);
      router.refresh();
    } else {
      setStatus(t("switchFailed"));
    }
  }

  return (
    <div ref={root} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={`${listId}-panel`}
        onClick={() => {
          if (!open) setRecent(readRecent());
          setOpen(!open);
        }}
        className="flex min-h-touch items-center rounded-md border border-white/40 px-3 text-sm font-semibold text-white hover:bg-white/10"
      >
        {t("switcher")}
      </button>
      <div
        id={`${listId}-panel`}
        hidden={!open}
        className="absolute right-0 z-50 mt-1 w-96 max-w-[calc(100vw-2rem)] rounded-md bg-white p-3 text-slate-900 shadow-lg"
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
      >
        <label htmlFor={`${listId}-input`} className="block text-sm font-medium">
          {t("switcherLabel")}
        </label>
        <input
          ref={inputRef}
          id={`${listId}-input`}
          role="combobox"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-activedescendant={options[active] ? `${listId}-${active}` : undefined}
          autoComplete="off"
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
            } else if (event.key === "Enter" && options[active]) {
              event.preventDefault();
              void choose(options[active]);
            }
          }}
          className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 px-3 text-base"
        />
        <p role="status" aria-live="polite" className="mt-1 text-xs text-slate-600">
          {status ?? (isLoading ? t("loading") : isError ? t("failed") : t("results", { count: results.length }))}
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
              aria-selected={index === active}
              aria-label={t("choose", { name: option.name, code: option.code, city: option.city })}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void choose(option)}
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
    </div>
  );
}
