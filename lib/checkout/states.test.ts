import { describe, expect, it } from "vitest";

import {
  assertTransition,
  ATTEMPT_STATES,
  CLAIMABLE,
  IllegalTransitionError,
  mayTransition,
  SETTLED,
  TRANSITIONS,
  type AttemptState,
} from "./states";

/** Every path an attempt can take, read off the table. */
function reachableFrom(start: AttemptState): Set<AttemptState> {
  const seen = new Set<AttemptState>([start]);
  const queue: AttemptState[] = [start];
  while (queue.length) {
    const state = queue.shift()!;
    for (const { to } of TRANSITIONS[state]) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

describe("the checkout attempt's state table", () => {
  it("names every state, and every transition leads to a state of the table", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ATTEMPT_STATES].sort());
    for (const state of ATTEMPT_STATES) {
      for (const transition of TRANSITIONS[state]) {
        expect(ATTEMPT_STATES).toContain(transition.to);
        expect(transition.by.length).toBeGreaterThan(0);
        expect(transition.why.length).toBeGreaterThan(0);
      }
    }
  });

  it("placed and rejected are final; an attempt is claimed for sending only from pending or failed", () => {
    expect([...SETTLED].sort()).toEqual(["placed", "rejected"]);
    expect([...CLAIMABLE].sort()).toEqual(["failed", "pending"]);
  });

  it("never sends from unknown without looking first: unknown leads only to placed, failed or unknown", () => {
    expect(mayTransition("unknown", "sending")).toBe(false);
    expect(TRANSITIONS.unknown.map((transition) => transition.to).sort()).toEqual(["failed", "placed", "unknown"]);
  });

  it("only a send makes an order: placed is reached from sending or from a look-up of unknown", () => {
    const into = ATTEMPT_STATES.filter((state) => mayTransition(state, "placed")).sort();
    expect(into).toEqual(["sending", "unknown"]);
  });

  it("every state can still end settled (no attempt is stuck), and pending reaches every state", () => {
    for (const state of ATTEMPT_STATES) {
      expect([...reachableFrom(state)].some((reached) => SETTLED.includes(reached))).toBe(true);
    }
    expect([...reachableFrom("pending")].sort()).toEqual([...ATTEMPT_STATES].sort());
  });

  it("an illegal transition throws, naming both states", () => {
    expect(() => assertTransition("placed", "sending")).toThrow(IllegalTransitionError);
    expect(() => assertTransition("rejected", "failed")).toThrow("no transition from rejected to failed");
    expect(() => assertTransition("pending", "placed")).toThrow(IllegalTransitionError);
    expect(() => assertTransition(["sending", "pending"], "unknown")).toThrow("from pending to unknown");
    expect(() => assertTransition(["pending", "failed"], "sending")).not.toThrow();
    expect(() => assertTransition(["sending", "unknown"], "placed")).not.toThrow();
  });
});
