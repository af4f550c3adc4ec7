import { describe, expect, it } from "vitest";

import {
  enqueueScan,
  linesOfQueued,
  MAX_QUEUED_SCANS,
  queuedFor,
  readQueue,
  returnToQueue,
  SCAN_QUEUE_KEY,
  takeQueued,
  type KeyValueStore,
} from "./offline-queue";

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const scan = (owner: string, code: string, quantity: number | null = null, sku: string | null = null) => ({
  owner,
  code,
  quantity,
  sku,
});

describe("offline scan queue", () => {
  it("keeps scans per owner and hands out only the owner's", () => {
    const store = memoryStore();
    enqueueScan(store, scan("me", "4006381333931"), { now: 1, id: "a" });
    enqueueScan(store, scan("other", "5901234123457"), { now: 2, id: "b" });
    enqueueScan(store, scan("me", "96385074", 20, "KP-1"), { now: 3, id: "c" });
    expect(queuedFor(store, "me").map((entry) => entry.id)).toEqual(["a", "c"]);
    const taken = takeQueued(store, "me");
    expect(taken.map((entry) => entry.id)).toEqual(["a", "c"]);
    expect(readQueue(store).map((entry) => entry.id)).toEqual(["b"]);
    expect(takeQueued(store, "me")).toEqual([]);
  });

  it("puts scans back after a failed send without duplicates", () => {
    const store = memoryStore();
    enqueueScan(store, scan("me", "4006381333931"), { now: 1, id: "a" });
    const taken = takeQueued(store, "me");
    enqueueScan(store, scan("me", "5901234123457"), { now: 2, id: "b" });
    returnToQueue(store, taken);
    returnToQueue(store, taken);
    expect(readQueue(store).map((entry) => entry.id)).toEqual(["a", "b"]);
  });

  it("empties its storage key when nothing is left", () => {
    const store = memoryStore();
    enqueueScan(store, scan("me", "4006381333931"), { now: 1, id: "a" });
    takeQueued(store, "me");
    expect(store.data.has(SCAN_QUEUE_KEY)).toBe(false);
  });

  it("refuses what the cart could not resolve, and survives garbage in storage", () => {
    const store = memoryStore();
    expect(enqueueScan(store, scan("me", "two words"), { now: 1, id: "a" })).toBeNull();
    expect(enqueueScan(store, scan("me", "4006381333931", 0), { now: 1, id: "a" })).toBeNull();
    store.setItem(SCAN_QUEUE_KEY, "{not json");
    expect(readQueue(store)).toEqual([]);
    store.setItem(
      SCAN_QUEUE_KEY,
      JSON.stringify([{ id: "x" }, { id: "y", owner: "me", code: "123", sku: null, quantity: null, at: 5 }]),
    );
    expect(readQueue(store).map((entry) => entry.id)).toEqual(["y"]);
  });

  it("drops the oldest scans when full", () => {
    const store = memoryStore();
    for (let index = 0; index < MAX_QUEUED_SCANS + 5; index++) {
      enqueueScan(store, scan("me", "4006381333931"), { now: index, id: `s${index}` });
    }
    const kept = readQueue(store);
    expect(kept).toHaveLength(MAX_QUEUED_SCANS);
    expect(kept[0]?.id).toBe("s5");
  });

  it("turns scans into cart lines: the SKU where known, one sales unit where no quantity was chosen", () => {
    expect(
      linesOfQueued([
        { id: "a", owner: "me", code: "4006381333931", sku: null, quantity: null, at: 1 },
        { id: "b", owner: "me", code: "5901234123457", sku: "KP-1", quantity: 20, at: 2 },
      ]),
    ).toEqual([
      { sku: "4006381333931", quantity: 1 },
      { sku: "KP-1", quantity: 20 },
    ]);
  });
});
