import type { MetadataRoute } from "next";

import en from "@/messages/en.json";

/** The installable web app: name, start page, standalone window, brand colours and icons (public/icons). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: en.app.name,
    short_name: "Dealers",
    description: en.app.tagline,
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
      { name: en.scan.title, url: "/scan", icons: [{ src: "/icons/icon-192.png", sizes: "192x192" }] },
      { name: en.nav.cart, url: "/cart" },
    ],
  };
}
