import { describe, expect, it } from "vitest";

import { CopyStore, type CopyStoreLimits } from "./copy-store";

const LIMITS: CopyStoreLimits = {
  maxCopies: 3,
  maxBytes: 1_000,
  maxAgeMs: 60_000,
  refusedMs: 10_000,
  maxAddresses: 100,
  maxRendering: 2,
};

/** Asks for `address` as the composer does, and renders a copy of `size` characters when it may. */
function visit(
  store: CopyStore<string>,
  address: string,
  now: number,
  size = 100,
): "first" | "served" | "made" | string {
  if (store.ask(address) === 1) return "first";
  if (!store.worthComposing(address)) return "skipped";
  const key = `key:${address}`;
  const entry = store.get(key, now);
  if (entry) return entry.state === "ready" ? "served" : entry.state;
  const made = store.begin(key, address, now);
  if (typeof made === "string") return made;
  store.finish(made, { copy: `copy of ${address}`, size }, now);
  return "made";
}

describe("the shared copies' store", () => {
  it("makes a copy from an address's second ask and serves it from the third", () => {
    const store = new CopyStore<string>(LIMITS);
    expect(visit(store, "/products/1", 0)).toBe("first");
    expect(visit(store, "/products/1", 1)).toBe("made");
    expect(visit(store, "/products/1", 2)).toBe("served");
    expect(store.get("key:/products/1", 3)?.copy).toBe("copy of /products/1");
  });

  it("does not render copies that would push out copies asked for as often, when it is full", () => {
    const drops: string[] = [];
    const store = new CopyStore<string>(LIMITS, (entry, why) => drops.push(`${why} ${entry.address}`));
    for (const address of ["/a", "/b", "/c"]) {
      visit(store, address, 0);
      expect(visit(store, address, 1)).toBe("made");
    }
    expect(store.size.copies).toBe(3);
    // A stream of addresses each asked for twice: none earns a place, so none is rendered for nothing.
    for (let i = 0; i < 20; i++) {
      expect(visit(store, `/once-more/${i}`, 2)).toBe("first");
      expect(visit(store, `/once-more/${i}`, 3)).toBe("skipped");
    }
    expect(drops).toEqual([]);
    for (const address of ["/a", "/b", "/c"]) expect(visit(store, address, 4)).toBe("served");
  });

  it("gives a place to an address asked for clearly more often than the least recently used copy's", () => {
    const drops: string[] = [];
    const store = new CopyStore<string>(LIMITS, (entry, why) => drops.push(`${why} ${entry.address}`));
    for (const address of ["/a", "/b", "/c"]) {
      visit(store, address, 0);
      visit(store, address, 1);
    }
    expect(visit(store, "/hot", 2)).toBe("first");
    expect(visit(store, "/hot", 3)).toBe("skipped");
    // One ask more than /a's two is not enough (see the next test); two more are.
    expect(visit(store, "/hot", 4)).toBe("skipped");
    expect(visit(store, "/hot", 5)).toBe("made");
    expect(drops).toEqual(["evicted /a"]);
    expect(visit(store, "/hot", 6)).toBe("served");
  });

  it("keeps serving what it holds when more addresses than it holds are asked for again and again", () => {
    const store = new CopyStore<string>(LIMITS);
    const addresses = ["/1", "/2", "/3", "/4", "/5", "/6"];
    expect(addresses.map((address) => visit(store, address, 0))).toEqual(Array(6).fill("first"));
    expect(addresses.map((address) => visit(store, address, 1))).toEqual([
      "made",
      "made",
      "made",
      "skipped",
      "skipped",
      "skipped",
    ]);
    // Later rounds in another order: an address without a copy comes up while the copies of this round
    // have not been asked for yet, one ask behind it. It does not push them out; they keep answering.
    for (let round = 2; round < 6; round++) {
      const order = [...addresses].reverse();
      const outcomes = Object.fromEntries(order.map((address) => [address, visit(store, address, round)]));
      expect(outcomes).toEqual({
        "/1": "served",
        "/2": "served",
        "/3": "served",
        "/4": "skipped",
        "/5": "skipped",
        "/6": "skipped",
      });
    }
  });

  it("counts bytes: a full store by size admits the same way as a full store by number", () => {
    const store = new CopyStore<string>({ ...LIMITS, maxCopies: 100 });
    for (const address of ["/a", "/b"]) {
      visit(store, address, 0);
      expect(visit(store, address, 1, 450)).toBe("made");
    }
    expect(store.size.bytes).toBe(900);
    // One more of the average size (450) would not fit in 1,000 bytes.
    visit(store, "/c", 2);
    expect(visit(store, "/c", 3, 450)).toBe("skipped");
    expect(store.size).toEqual({ copies: 2, bytes: 900 });
  });

  it("drops a copy past its age, and tries a refused key again after a while", () => {
    const drops: string[] = [];
    const store = new CopyStore<string>(LIMITS, (entry, why) => drops.push(`${why} ${entry.address}`));
    visit(store, "/a", 0);
    visit(store, "/a", 0);
    expect(visit(store, "/a", 60_001)).toBe("made");
    expect(drops).toEqual(["expired /a"]);

    store.ask("/r");
    store.ask("/r");
    const made = store.begin("key:/r", "/r", 0);
    if (typeof made === "string") throw new Error(made);
    store.finish(made, null, 0);
    expect(store.get("key:/r", 5_000)?.state).toBe("refused");
    expect(store.get("key:/r", 10_001)).toBeUndefined();
  });

  it("renders at most `maxRendering` copies at once", () => {
    const store = new CopyStore<string>(LIMITS);
    const begun = ["/a", "/b", "/c"].map((address) => {
      store.ask(address);
      store.ask(address);
      return store.begin(`key:${address}`, address, 0);
    });
    expect(begun.map((made) => (typeof made === "string" ? made : made.state))).toEqual([
      "rendering",
      "rendering",
      "rendering-limit",
    ]);
    const first = begun[0];
    if (!first || typeof first === "string") throw new Error(String(first));
    store.finish(first, { copy: "a", size: 10 }, 1);
    expect(typeof store.begin("key:/c", "/c", 2)).toBe("object");
  });

  it("forgets the least recently asked addresses past `maxAddresses`", () => {
    const store = new CopyStore<string>({ ...LIMITS, maxAddresses: 2 });
    store.ask("/a");
    store.ask("/b");
    store.ask("/a");
    store.ask("/c");
    // /b was the least recently asked: its count is gone, /a's is kept.
    expect(store.ask("/a")).toBe(3);
    expect(store.ask("/b")).toBe(1);
  });
});
