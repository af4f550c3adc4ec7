import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locales";

/** The language a manifest is for: one of ours, else the default. */
export function manifestLocale(requested: string | null | undefined): Locale {
  return isLocale(requested) ? requested : DEFAULT_LOCALE;
}

/**
 * Where a page in `locale` finds its manifest (app/manifest.webmanifest): the installed app is named
 * in the dealer's language. In its own module: every page's head links it, and only the manifest's
 * route needs the message files.
 */
export function manifestHref(locale: string): string {
  return `/manifest.webmanifest?lang=${manifestLocale(locale)}`;
}
