import { describe, expect, it } from "vitest";

import { recordUpstreamAnswer, upstreamLooksDown } from "./availability";

describe("upstream availability", () => {
  it("is down after a recent failure with no success since, and up again after a success", () => {
    recordUpstreamAnswer(true, 1_000);
    expect(upstreamLooksDown(2_000)).toBe(false);
    recordUpstreamAnswer(false, 3_000);
    expect(upstreamLooksDown(4_000)).toBe(true);
    expect(upstreamLooksDown(3_000 + 121_000)).toBe(false);
    recordUpstreamAnswer(true, 5_000);
    expect(upstreamLooksDown(6_000)).toBe(false);
  });
});
