import { getLocale, getTranslations } from "next-intl/server";

import { LOCALES } from "@/lib/i18n/locales";

import { LanguageButtons } from "./language-buttons";

/** Switches the page's language; the choice is kept in a cookie. Its words are translated here, on the server. */
export async function LanguageSwitch({ tone = "light" }: { tone?: "light" | "dark" }) {
  const t = await getTranslations("nav");
  return (
    <LanguageButtons
      tone={tone}
      current={await getLocale()}
      label={t("language")}
      names={Object.fromEntries(LOCALES.map((locale) => [locale, t("languageName", { locale })]))}
    />
  );
}
