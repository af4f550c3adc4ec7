"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { setLocale } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/locales";

/** The language buttons of LanguageSwitch: sets the cookie and renders the page again. */
export function LanguageButtons({
  tone,
  current,
  label,
  names,
}: {
  tone: "light" | "dark";
  current: string;
  label: string;
  names: Record<string, string>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const idle = tone === "dark" ? "text-white/90 hover:bg-white/10" : "text-slate-700 hover:bg-slate-100";
  const active = tone === "dark" ? "bg-white text-brand-700" : "bg-brand-600 text-white";

  return (
    <div role="group" aria-label={label} className="flex gap-1" aria-busy={pending}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={locale === current}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocale(locale);
              router.refresh();
            })
          }
          className={`min-h-touch min-w-touch rounded-md px-2 text-sm font-semibold uppercase ${locale === current ? active : idle}`}
        >
          <span aria-hidden="true">{locale}</span>
          <span className="sr-only">{names[locale]}</span>
        </button>
      ))}
    </div>
  );
}
