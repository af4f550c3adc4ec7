import { describe, expect, it } from "vitest";

import { order } from "@/tests/fixtures/orders";
import { orderTimeline, type TimelineEntry } from "./timeline";

const summary = (entries: TimelineEntry[]) =>
  entries.map((entry) => (entry.kind === "status" ? `${entry.status}:${entry.state}` : `parcels:${entry.pieces}`));

const updated = new Date("2024-05-03T09:00:00Z");

describe("order timeline", () => {
  it("a pending order: now, and the road ahead", () => {
    const entries = orderTimeline(order({ status: "pending", statusRaw: "pending", updatedAt: updated }));
    expect(summary(entries)).toEqual([
      "pending:current",
      "processing:upcoming",
      "in-m3:upcoming",
      "shipped:upcoming",
      "complete:upcoming",
    ]);
    expect(entries[0]).toMatchObject({ at: updated });
  });

  it("a shipped order: the steps behind it without times, the parcels per courier and date, completion to come", () => {
    const day = new Date("2024-05-02T15:00:00Z");
    const entries = orderTimeline(
      order({
        status: "shipped",
        statusRaw: "Shipped",
        updatedAt: updated,
        shipments: [
          { courier: "DHL", trackerCode: "A", shipmentId: "1", pieceNumber: 1, createdAt: day },
          { courier: "DHL", trackerCode: "B", shipmentId: "2", pieceNumber: 2, createdAt: day },
        ],
      }),
    );
    expect(summary(entries)).toEqual([
      "pending:done",
      "processing:done",
      "in-m3:done",
      "shipped:current",
      "parcels:2",
      "complete:upcoming",
    ]);
    expect(entries.slice(0, 3).every((entry) => entry.at === null)).toBe(true);
    expect(entries[3]).toMatchObject({ statusRaw: "Shipped", at: updated });
    expect(entries[4]).toMatchObject({ courier: "DHL", trackerCodes: ["A", "B"], at: day });
  });

  it("a complete order: parcels after the shipped step, nothing to come", () => {
    const entries = orderTimeline(
      order({
        status: "complete",
        updatedAt: updated,
        shipments: [{ courier: "UPS", trackerCode: "1Z", shipmentId: "1", pieceNumber: 1, createdAt: null }],
      }),
    );
    expect(summary(entries)).toEqual([
      "pending:done",
      "processing:done",
      "in-m3:done",
      "shipped:done",
      "parcels:1",
      "complete:current",
    ]);
  });

  it("canceled, error and m3-error end the road", () => {
    expect(summary(orderTimeline(order({ status: "canceled" })))).toEqual(["pending:done", "canceled:current"]);
    expect(summary(orderTimeline(order({ status: "error" })))).toEqual(["pending:done", "error:current"]);
    expect(summary(orderTimeline(order({ status: "m3-error" })))).toEqual([
      "pending:done",
      "processing:done",
      "in-m3:done",
      "m3-error:current",
    ]);
  });

  it("an unknown status is shown as the upstream says it, alone", () => {
    const entries = orderTimeline(order({ status: "unknown", statusRaw: "On hold" }));
    expect(entries).toEqual([
      { kind: "status", status: "unknown", statusRaw: "On hold", at: order().updatedAt, state: "current" },
    ]);
  });
});
