import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity";

/**
 * Scans made without a connection, kept on the device (localStorage) until
 * they can be added to the cart. Each belongs to one cart owner (a hashed key
 * of the user and the customer they act for), so a scan never lands in
 * another person's or another customer's cart on a shared device.
 */

export const SCAN_QUEUE_KEY = "dealer-portal.scan-queue.v1";
export const MAX_QUEUED_SCANS = 500;

export interface QueuedScan {
  id: string;
  owner: string;
  /** What was read or typed; only codes the cart can resolve (digits, or a SKU in a Code 128). */
  code: string;
  /** Known when the product had been looked up before the connection dropped. */
  sku: string | null;
  /** Price units; null for one sales unit. */
  quantity: number | null;
  at: number;
}

const IDENTIFIER = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Checks one stored entry. By hand rather than with zod: this module runs on
 * every signed-in page (OfflineScanSync), and zod would add ~30 kB to each.
 */
function isQueuedScan(value: unknown): value is QueuedScan {
  if (!value || typeof value !== "object") return false;
  const entry = value as Record<string, unknown>;
  const text = (field: unknown, max: number) => typeof field === "string" && field.length >= 1 && field.length <= max;
  return (
    text(entry.id, 64) &&
    text(entry.owner, 128) &&
    typeof entry.code === "string" &&
    IDENTIFIER.test(entry.code) &&
    (entry.sku === null || (typeof entry.sku === "string" && IDENTIFIER.test(entry.sku))) &&
    (entry.quantity === null ||
      (Number.isInteger(entry.quantity) &&
        (entry.quantity as number) >= 1 &&
        (entry.quantity as number) <= MAX_LINE_QUANTITY)) &&
    Number.isInteger(entry.at) &&
    (entry.at as number) >= 0
  );
}

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
  return raw.filter(isQueuedScan);
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
  const entry: QueuedScan = { id, owner: scan.owner, code: scan.code, sku: scan.sku, quantity: scan.quantity, at: now };
  if (!isQueuedScan(entry)) return null;
  writeQueue(store, [...readQueue(store), entry].slice(-MAX_QUEUED_SCANS));
  return entry;
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
