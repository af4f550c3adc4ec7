import { describe, expect, it } from "vitest";

import { AttemptLimiter } from "./rate-limit";

describe("AttemptLimiter", () => {
  it("blocks after the limit within the window and frees up as it slides", () => {
    let now = 0;
    const limiter = new AttemptLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.blockedForSeconds("a")).toBe(0);
      limiter.recordFailure("a");
      now += 1000;
    }
    expect(limiter.blockedForSeconds("a")).toBe(57);
    expect(limiter.blockedForSeconds("b")).toBe(0);
    now = 60_001;
    expect(limiter.blockedForSeconds("a")).toBe(0);
  });

  it("forgets a key after a success", () => {
    const limiter = new AttemptLimiter(1, 60_000);
    limiter.recordFailure("a");
    expect(limiter.blockedForSeconds("a")).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.blockedForSeconds("a")).toBe(0);
  });
});
