"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { LOCALES } from "@/lib/i18n/locales";

import { setLocale } from "./locale-actions";

/** Switches the page's language; the choice is kept in a cookie. */
export function LanguageSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const t = useTranslations("nav");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const idle = tone === "dark" ? "text-white/90 hover:bg-white/10" : "text-slate-700 hover:bg-slate-100";
  const active = tone === "dark" ? "bg-white text-brand-700" : "bg-brand-600 text-white";

  return (
    <div role="group" aria-label={t("language")} className="flex gap-1" aria-busy={pending}>
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
          <span className="sr-only">{t("languageName", { locale })}</span>
        </button>
      ))}
    </div>
  );
}
