"use client";

import { ServiceWorkerRegistration } from "@/components/pwa/service-worker-registration";
import { OfflineScanSync } from "@/components/scan/offline-scan-sync";

/** Loaded by AfterHydration. */
export default function AfterHydrationParts({
  scanOwner,
  serviceWorker,
}: {
  scanOwner: string;
  serviceWorker: boolean;
}) {
  return (
    <>
      <OfflineScanSync owner={scanOwner} />
      <ServiceWorkerRegistration enabled={serviceWorker} />
    </>
  );
}
