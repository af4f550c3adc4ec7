import { z } from "zod";

import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity";

/**
 * Scans made without a connection, kept on the device (localStorage) until
 * they can be added to the cart. Each belongs to one cart owner (a hashed key
 * of the user and the customer they act for), so a scan never lands in
 * another person's or another customer's cart on a shared device.
 */

export const SCAN_QUEUE_KEY = "dealer-portal.scan-queue.v1";
export const MAX_QUEUED_SCANS = 500;

const queuedScan = z.object({
  id: z.string().min(1).max(64),
  owner: z.string().min(1).max(128),
  /** What was read or typed; only codes the cart can resolve (digits, or a SKU in a Code 128). */
  code: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/),
  /** Known when the product had been looked up before the connection dropped. */
  sku: z.string().min(1).max(64).nullable(),
  /** Price units; null for one sales unit. */
  quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY).nullable(),
  at: z.number().int().nonnegative(),
});

export type QueuedScan = z.infer<typeof queuedScan>;

/** The part of `Storage` the queue uses, so tests can pass a Map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Every valid queued scan; anything unreadable in storage is dropped, not thrown. */
export function readQueue(store: KeyValueStore): QueuedScan[] {
  let raw: unknown;
  try {
    raw = JSON.parse(store.getItem(SCAN_QUEUE_KEY) ?? "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry) => {
    const parsed = queuedScan.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

function writeQueue(store: KeyValueStore, scans: QueuedScan[]): void {
  if (scans.length) store.setItem(SCAN_QUEUE_KEY, JSON.stringify(scans));
  else store.removeItem(SCAN_QUEUE_KEY);
}

/** Keeps one scan; the oldest go when the queue is full. Returns what was kept, or null if the scan is not valid. */
export function enqueueScan(
  store: KeyValueStore,
  scan: Omit<QueuedScan, "id" | "at">,
  { now, id }: { now: number; id: string },
): QueuedScan | null {
  const parsed = queuedScan.safeParse({ ...scan, id, at: now });
  if (!parsed.success) return null;
  const scans = [...readQueue(store), parsed.data].slice(-MAX_QUEUED_SCANS);
  writeQueue(store, scans);
  return parsed.data;
}

export function queuedFor(store: KeyValueStore, owner: string): QueuedScan[] {
  return readQueue(store).filter((scan) => scan.owner === owner);
}

/** Takes the owner's scans out of the queue (to send them); other owners' stay. */
export function takeQueued(store: KeyValueStore, owner: string): QueuedScan[] {
  const all = readQueue(store);
  const taken = all.filter((scan) => scan.owner === owner);
  if (taken.length)
    writeQueue(
      store,
      all.filter((scan) => scan.owner !== owner),
    );
  return taken;
}

/** Puts scans back after sending them failed (no connection after all), without duplicating any. */
export function returnToQueue(store: KeyValueStore, scans: QueuedScan[]): void {
  const current = readQueue(store);
  const ids = new Set(current.map((scan) => scan.id));
  writeQueue(store, [...scans.filter((scan) => !ids.has(scan.id)), ...current].slice(-MAX_QUEUED_SCANS));
}

/**
 * The cart lines of queued scans for `addLinesToCart`: the SKU where it was
 * known, else the code (the server resolves barcodes); one price unit stands
 * for "one sales unit", as the server rounds it up to that.
 */
export function linesOfQueued(scans: QueuedScan[]): { sku: string; quantity: number }[] {
  return scans.map((scan) => ({ sku: scan.sku ?? scan.code, quantity: scan.quantity ?? 1 }));
}
