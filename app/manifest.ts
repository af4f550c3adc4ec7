import type { MetadataRoute } from "next";
import { createTranslator } from "next-intl";

import en from "@/messages/en.json";

/** The installable web app: name, start page, standalone window, brand colours and icons (public/icons). */
export default function manifest(): MetadataRoute.Manifest {
  // Through a translator: the message files are compiled at build time (next.config.mjs), not plain strings.
  const t = createTranslator({ locale: "en", messages: en });
  return {
    id: "/",
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
