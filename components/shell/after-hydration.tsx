"use client";

import { lazy, Suspense } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";

const Parts = lazy(() => import("./after-hydration-parts"));

/**
 * What every signed-in page runs only once it is interactive and that draws nothing before:
 * scans kept on the device go into the cart (OfflineScanSync, whose live region is in place before
 * it says anything) and the service worker is registered. Loaded after hydration as a script of its
 * own rather than with every page's first scripts; both need JavaScript anyway.
 */
export function AfterHydration({ scanOwner, serviceWorker }: { scanOwner: string; serviceWorker: boolean }) {
  const hydrated = useHydrated();
  return hydrated ? (
    <Suspense fallback={null}>
      <Parts scanOwner={scanOwner} serviceWorker={serviceWorker} />
    </Suspense>
  ) : null;
}
