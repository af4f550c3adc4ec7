import { describe, expect, it } from "vitest";

import { metrics } from "./metrics";
import { metricSamples } from "./metrics-text";

describe("metricSamples", () => {
  it("reads a counter's samples from the text the portal's /metrics writes", async () => {
    metrics().sharedCopies.labels("category page", "served").inc(3);
    metrics().sharedCopies.labels("product page", "not-admitted").inc();
    const text = await metrics().registry.metrics();
    const samples = metricSamples(text, "portal_shared_copies_total");
    expect(samples).toContainEqual({ labels: { page: "category page", event: "served" }, value: 3 });
    expect(samples).toContainEqual({ labels: { page: "product page", event: "not-admitted" }, value: 1 });
    // Another metric whose name starts the same is not read.
    expect(
      metricSamples(`${text}\nportal_shared_copies_total_extra{page="x"} 9`, "portal_shared_copies_total"),
    ).toHaveLength(samples.length);
  });

  it("reads a metric without labels, and labels with escaped quotes", () => {
    expect(metricSamples('a_total 4\nb{route="/x\\"y"} 2.5 1700000000', "a_total")).toEqual([{ labels: {}, value: 4 }]);
    expect(metricSamples('a_total 4\nb{route="/x\\"y"} 2.5 1700000000', "b")).toEqual([
      { labels: { route: '/x"y' }, value: 2.5 },
    ]);
  });
});
