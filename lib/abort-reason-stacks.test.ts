import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { describe, expect, it } from "vitest";

import { formatAbortReasonStacks } from "./abort-reason-stacks";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const REQUESTS = 400;

/**
 * Renders as React runs them, in miniature: each request has its stores (AsyncLocalStorage), does work in
 * Immediates spread over several turns, and at the end aborts its cache signal with an Error made in an
 * Immediate, which the request keeps. The first request also leaves a promise behind that lives on (as a
 * module loaded during a request does). Answers how many requests' stores are still alive after full
 * collections.
 */
async function storesKeptAfterRenders(): Promise<number> {
  const storage = new AsyncLocalStorage<{ payload: number[]; controller?: AbortController }>();
  const stores: Array<WeakRef<object>> = [];
  let longLived: Promise<void> | null = null;
  let finished = 0;
  const allFinished = new Promise<void>((resolve) => {
    const startRequest = (i: number) => {
      const store = { payload: new Array<number>(1_000).fill(i) };
      stores.push(new WeakRef(store));
      storage.run(store, () => {
        if (i === 0) longLived = Promise.resolve();
        setImmediate(() => {
          setTimeout(
            () =>
              setImmediate(() => {
                const controller = new AbortController();
                controller.abort(new Error("This render completed successfully."));
                storage.getStore()!.controller = controller;
                if (++finished === REQUESTS) resolve();
              }),
            (i * 7) % 13,
          );
        });
      });
    };
    // Requests arrive a few at a time, so that each turn's Immediates belong to several of them.
    let started = 0;
    const arrive = () => {
      for (let k = 0; k < 5 && started < REQUESTS; k++) startRequest(started++);
      if (started < REQUESTS) setTimeout(arrive, 1);
    };
    arrive();
  });
  await allFinished;
  expect(longLived).not.toBeNull();
  // WeakRefs hold their targets until the end of the current job: collect from a new macrotask.
  await new Promise((resolve) => setTimeout(resolve, 10));
  collectGarbage();
  collectGarbage();
  return stores.filter((store) => store.deref() !== undefined).length;
}

describe("formatAbortReasonStacks", () => {
  it("lets the stores of finished requests go, where the reasons' frames kept them chained together", async () => {
    // Without it, the first request's long-lived promise keeps almost every request's stores: its
    // reason's frames hold an Immediate, the Immediates that ran beside it hold other requests' stores,
    // and so on. (Should a Node release stop linking Immediates that have run, this control fails and
    // the guard may no longer be needed.)
    const keptWithout = await storesKeptAfterRenders();
    expect(keptWithout).toBeGreaterThan(REQUESTS / 2);

    formatAbortReasonStacks();
    const keptWith = await storesKeptAfterRenders();
    // The first request's stores stay (its promise lives on); nothing chains the others to it.
    expect(keptWith).toBeLessThanOrEqual(1);
  });

  it("keeps the reason and its stack as the caller gave them, and makes an AbortError when none is given", () => {
    formatAbortReasonStacks();
    formatAbortReasonStacks();
    const reason = new Error("stopped");
    const controller = new AbortController();
    let seen: unknown;
    controller.signal.addEventListener("abort", () => (seen = controller.signal.reason));
    controller.abort(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(seen).toBe(reason);
    expect(reason.stack).toMatch(/^Error: stopped\n\s+at /);

    const plain = new AbortController();
    plain.abort();
    expect(plain.signal.reason).toBeInstanceOf(DOMException);
    expect((plain.signal.reason as DOMException).name).toBe("AbortError");
    // Aborting twice keeps the first reason, as before.
    plain.abort(new Error("later"));
    expect((plain.signal.reason as DOMException).name).toBe("AbortError");
  });
});
