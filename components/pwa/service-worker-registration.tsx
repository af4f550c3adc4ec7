"use client";

import { useEffect } from "react";

/**
 * Registers the service worker (public/sw.js) in production builds. Once per
 * browser session and language it asks the worker to fetch the offline page
 * again, so that page speaks the dealer's current language.
 */
export function ServiceWorkerRegistration({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    const register = async () => {
      try {
        await navigator.serviceWorker.register("/sw.js", { scope: "/" });
        const registration = await navigator.serviceWorker.ready;
        const key = `offline-page-fresh:${document.documentElement.lang}`;
        if (!sessionStorage.getItem(key)) {
          registration.active?.postMessage({ type: "refresh-offline" });
          sessionStorage.setItem(key, "1");
        }
      } catch {
        // Without a service worker the portal works as before, only without the offline page.
      }
    };
    if (document.readyState === "complete") void register();
    else window.addEventListener("load", () => void register(), { once: true });
  }, [enabled]);
  return null;
}
