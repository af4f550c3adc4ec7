"use client";

import { useFormStatus } from "react-dom";

import { setLocale } from "@/lib/i18n/actions";
import { LOCALES } from "@/lib/i18n/locales";

import { useCurrentPath } from "./use-current-path";

function LanguageButton({
  locale,
  current,
  name,
  tone,
}: {
  locale: string;
  current: boolean;
  name: string;
  tone: "light" | "dark";
}) {
  const { pending } = useFormStatus();
  const idle = tone === "dark" ? "text-white/90 hover:bg-white/10" : "text-slate-700 hover:bg-slate-100";
  const active = tone === "dark" ? "bg-white text-brand-700" : "bg-brand-600 text-white";
  return (
    <button
      type="submit"
      name="locale"
      value={locale}
      lang={locale}
      aria-pressed={current}
      disabled={pending}
      className={`min-h-touch min-w-touch rounded-md px-2 text-sm font-semibold uppercase ${current ? active : idle}`}
    >
      <span aria-hidden="true">{locale}</span>
      <span className="sr-only">{name}</span>
    </button>
  );
}

/**
 * The language buttons of LanguageSwitch: one form posting to a server action, each button
 * submitting its language. The server sets the cookie and sends the same page back in that
 * language, before hydration and without JavaScript too.
 */
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
  const from = useCurrentPath();
  return (
    <form method="post" action={setLocale}>
      <input type="hidden" name="from" value={from} />
      <div role="group" aria-label={label} className="flex gap-1">
        {LOCALES.map((locale) => (
          <LanguageButton
            key={locale}
            locale={locale}
            current={locale === current}
            name={names[locale] ?? locale}
            tone={tone}
          />
        ))}
      </div>
    </form>
  );
}
