"use client";

import { useCallback, useSyncExternalStore } from "react";

import {
  enqueueScan,
  queuedFor,
  returnToQueue,
  SCAN_QUEUE_KEY,
  takeQueued,
  type QueuedScan,
} from "@/lib/scan/offline-queue";

/** The browser side of the offline scan queue: localStorage, with a change event for this tab and others. */

const CHANGED = "dealer-portal:scan-queue";

function store(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Unique enough on one device; crypto.randomUUID needs a secure context, which a phone on a LAN address is not. */
function newId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function changed() {
  window.dispatchEvent(new Event(CHANGED));
}

export function keepScanOffline(
  owner: string,
  scan: { code: string; sku: string | null; quantity: number | null },
): boolean {
  const storage = store();
  if (!storage) return false;
  const kept = enqueueScan(storage, { owner, ...scan }, { now: Date.now(), id: newId() });
  changed();
  return kept !== null;
}

export function takeOfflineScans(owner: string): QueuedScan[] {
  const storage = store();
  if (!storage) return [];
  const taken = takeQueued(storage, owner);
  if (taken.length) changed();
  return taken;
}

export function returnOfflineScans(scans: QueuedScan[]): void {
  const storage = store();
  if (!storage || !scans.length) return;
  returnToQueue(storage, scans);
  changed();
}

function subscribe(callback: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SCAN_QUEUE_KEY || event.key === null) callback();
  };
  window.addEventListener(CHANGED, callback);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGED, callback);
    window.removeEventListener("storage", onStorage);
  };
}

/** How many scans of this owner wait on the device (0 on the server). */
export function useOfflineScanCount(owner: string): number {
  const snapshot = useCallback(() => {
    const storage = store();
    return storage ? queuedFor(storage, owner).length : 0;
  }, [owner]);
  return useSyncExternalStore(subscribe, snapshot, () => 0);
}

/** Whether the browser believes it is online (true on the server). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    (callback) => {
      window.addEventListener("online", callback);
      window.addEventListener("offline", callback);
      return () => {
        window.removeEventListener("online", callback);
        window.removeEventListener("offline", callback);
      };
    },
    () => navigator.onLine,
    () => true,
  );
}
