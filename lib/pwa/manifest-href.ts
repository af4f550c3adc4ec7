import type { Locale } from "@/lib/i18n/locales";

/**
 * Where a page in `locale` finds its manifest (app/manifest.webmanifest): the installed app is named
 * in the dealer's language. In its own module: every page's head links it, and only the manifest's
 * route needs the message files.
 */
export function manifestHref(locale: Locale): string {
  return `/manifest.webmanifest?lang=${locale}`;
}
