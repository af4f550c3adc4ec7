import { describe, expect, it } from "vitest";

import { Pressure } from "./pressure";
import { needsFetch, WatermarkTracker } from "./watermark";

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute));

describe("WatermarkTracker", () => {
  const entries = [
    { sku: "a", lastModified: at(1) },
    { sku: "b", lastModified: at(2) },
    { sku: "c", lastModified: at(2) },
    { sku: "d", lastModified: at(3) },
  ];

  it("moves to the newest time once everything up to it is settled", () => {
    const tracker = new WatermarkTracker(entries, null);
    expect(tracker.current()).toEqual(new Date(at(1).getTime() - 1));
    tracker.settle("a");
    expect(tracker.current()).toEqual(at(1));
    tracker.settle("d");
    expect(tracker.current()).toEqual(at(1));
    tracker.settle("b");
    // "c" has the same time as "b" and is open: the watermark stays below both.
    expect(tracker.current()).toEqual(at(1));
    tracker.settle("c");
    expect(tracker.current()).toEqual(at(3));
  });

  it("tells the watermark a batch would give without settling it", () => {
    const tracker = new WatermarkTracker(entries, null);
    tracker.settle("a");
    expect(tracker.peek(["b", "c"])).toEqual(at(2));
    expect(tracker.current()).toEqual(at(1));
    tracker.settle("b");
    tracker.settle("c");
    expect(tracker.current()).toEqual(at(2));
  });

  it("keeps the previous watermark when nothing below the first open product is newer", () => {
    const tracker = new WatermarkTracker(entries, at(0));
    expect(tracker.current()).toEqual(at(0));
    expect(new WatermarkTracker([], at(5)).current()).toEqual(at(5));
  });

  it("goes back below a product that changed with an older time than the watermark (clock skew)", () => {
    const tracker = new WatermarkTracker(entries, at(10));
    tracker.settle("a");
    expect(tracker.current()).toEqual(at(1));
  });
});

describe("needsFetch", () => {
  const stored = { updateCount: 3, lastModified: at(5), available: true };
  it("compares update count and time with the stored version", () => {
    expect(needsFetch({ sku: "x", updateCount: 3, lastModified: at(5) }, stored)).toBe(false);
    expect(needsFetch({ sku: "x", updateCount: 4, lastModified: at(5) }, stored)).toBe(true);
    expect(needsFetch({ sku: "x", updateCount: 4, lastModified: at(4) }, stored)).toBe(true);
    expect(needsFetch({ sku: "x", updateCount: 3, lastModified: at(6) }, stored)).toBe(true);
    expect(needsFetch({ sku: "x", updateCount: 3, lastModified: at(5) }, { ...stored, available: false })).toBe(true);
    expect(needsFetch({ sku: "x", updateCount: 1, lastModified: null }, undefined)).toBe(true);
  });
});

describe("Pressure", () => {
  it("halves the concurrency on a 429, pauses for Retry-After, and recovers slowly", async () => {
    let now = 0;
    const pressure = new Pressure(8, () => now);
    pressure.rateLimited(2);
    expect(pressure.limit).toBe(4);
    expect(pressure.paused).toBe(true);
    now = 2_000;
    expect(pressure.paused).toBe(false);
    await pressure.acquire();
    pressure.release();
    for (let i = 0; i < 16; i++) pressure.success();
    expect(pressure.limit).toBe(5);
    pressure.rateLimited(0);
    pressure.rateLimited(0);
    pressure.rateLimited(0);
    expect(pressure.limit).toBe(1);
    pressure.dispose();
  });

  it("never lets more than the limit run at once", async () => {
    const pressure = new Pressure(2);
    await pressure.acquire();
    await pressure.acquire();
    let third = false;
    const waiting = pressure.acquire().then(() => (third = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(third).toBe(false);
    pressure.release();
    await waiting;
    expect(third).toBe(true);
    pressure.dispose();
  });
});
