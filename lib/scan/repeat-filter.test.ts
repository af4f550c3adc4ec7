import { describe, expect, it } from "vitest";

import { createRepeatFilter } from "./repeat-filter";

describe("repeat filter", () => {
  it("takes a code once while it stays in view, and again after two seconds out of view", () => {
    const filter = createRepeatFilter(2_000);
    expect(filter.accept("4006381333931", 0)).toBe(true);
    for (let time = 200; time <= 5_000; time += 200) expect(filter.accept("4006381333931", time)).toBe(false);
    expect(filter.accept("4006381333931", 7_100)).toBe(true);
  });

  it("treats different codes apart", () => {
    const filter = createRepeatFilter(2_000);
    expect(filter.accept("A", 0)).toBe(true);
    expect(filter.accept("B", 100)).toBe(true);
    expect(filter.accept("A", 200)).toBe(false);
  });

  it("forgets a code on request", () => {
    const filter = createRepeatFilter(2_000);
    filter.accept("A", 0);
    filter.forget("A");
    expect(filter.accept("A", 100)).toBe(true);
  });

  it("keeps its memory bounded", () => {
    const filter = createRepeatFilter(2_000);
    for (let index = 0; index < 1_000; index++) filter.accept(`code-${index}`, index * 10_000);
    expect(filter.accept("code-999", 999 * 10_000 + 1)).toBe(false);
  });
});
