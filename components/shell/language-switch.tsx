import { getLocale, getTranslations } from "next-intl/server";

import { LOCALES } from "@/lib/i18n/locales";

import { LanguageButtons } from "./language-buttons";

const TONES = {
  light: { idle: "text-slate-700 hover:bg-slate-100", current: "bg-brand-600 text-white" },
  dark: { idle: "text-white/90 hover:bg-white/10", current: "bg-white text-brand-700" },
};

/**
 * Switches the page's language; the choice is kept in a cookie. Its buttons and words are rendered
 * here, on the server; LanguageButtons is the form around them.
 */
export async function LanguageSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const t = await getTranslations("nav");
  const current = await getLocale();
  return (
    <LanguageButtons label={t("language")}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={`min-h-touch min-w-touch rounded-md px-2 text-sm font-semibold ${TONES[tone][locale === current ? "current" : "idle"]}`}
        >
          {/* Named by the letters it shows first (voice control finds "NL"), then the language's name. */}
          {locale.toUpperCase()}
          <span className="sr-only"> {t("languageName", { locale })}</span>
        </button>
      ))}
    </LanguageButtons>
  );
}
