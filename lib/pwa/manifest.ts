import type { MetadataRoute } from "next";
import { createTranslator } from "next-intl";

import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

const MESSAGES = { en, nl } as const;

/**
 * The installable web app in one language: name, start page, standalone window, brand colours and
 * icons (public/icons), shortcuts. One app in every language (the same `id`).
 */
export function appManifest(locale: Locale): MetadataRoute.Manifest {
  // Through a translator: the message files are compiled at build time (next.config.mjs), not plain strings.
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return {
    id: "/",
    lang: locale,
    dir: "ltr",
    name: t("app.name"),
    short_name: "Dealers",
    description: t("app.tagline"),
    start_url: "/",
    scope: "/",
    display: "standalone",
    // brand-600 and slate-50, as in tailwind.config.ts and app/globals.css.
    theme_color: "#155bb0",
    background_color: "#f8fafc",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
    shortcuts: [
      { name: t("scan.title"), url: "/scan", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: t("nav.cart"), url: "/cart" },
    ],
  };
}
