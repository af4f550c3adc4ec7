import { isFinalStatus, type Order, type OrderStatus } from "@/lib/domain/order";

/**
 * An order's timeline, as far as the data tells. The upstream gives only the
 * current status and when it last changed, plus each parcel's date. So: the
 * steps an order must have passed to reach its status are shown as done
 * (without a time, which nobody told us), the current one with its time, the
 * parcels with theirs, and, while the order is still on its way, the steps
 * still to come. Nothing is invented.
 */

export type StepState = "done" | "current" | "upcoming";

export type TimelineEntry =
  | { kind: "status"; status: OrderStatus; statusRaw: string; at: Date | null; state: StepState }
  | { kind: "shipment"; courier: string; pieces: number; trackerCodes: string[]; at: Date | null };

/** The normal road of an order. */
const DELIVERY: readonly OrderStatus[] = ["pending", "processing", "in-m3", "shipped", "complete"];

/** The steps before a status, the status itself, and those that may still follow. */
function path(status: OrderStatus): { before: OrderStatus[]; after: OrderStatus[] } {
  const index = DELIVERY.indexOf(status);
  if (index !== -1) return { before: DELIVERY.slice(0, index), after: DELIVERY.slice(index + 1) };
  switch (status) {
    case "canceled":
    case "error":
      return { before: ["pending"], after: [] };
    case "m3-error":
      return { before: ["pending", "processing", "in-m3"], after: [] };
    default:
      return { before: [], after: [] };
  }
}

function shipmentEntries(shipments: Order["shipments"]): TimelineEntry[] {
  const groups = new Map<string, Extract<TimelineEntry, { kind: "shipment" }>>();
  for (const shipment of shipments) {
    const key = `${shipment.courier}|${shipment.createdAt?.getTime() ?? ""}`;
    const group = groups.get(key);
    if (group) {
      group.pieces += 1;
      group.trackerCodes.push(shipment.trackerCode);
    } else {
      groups.set(key, {
        kind: "shipment",
        courier: shipment.courier,
        pieces: 1,
        trackerCodes: [shipment.trackerCode],
        at: shipment.createdAt,
      });
    }
  }
  return [...groups.values()].sort((a, b) => (a.at?.getTime() ?? Infinity) - (b.at?.getTime() ?? Infinity));
}

export function orderTimeline(order: Pick<Order, "status" | "statusRaw" | "updatedAt" | "shipments">): TimelineEntry[] {
  const { before, after } = path(order.status);
  const step = (status: OrderStatus, state: StepState, at: Date | null = null): TimelineEntry => ({
    kind: "status",
    status,
    statusRaw: status,
    at,
    state,
  });
  const entries: TimelineEntry[] = before.map((status) => step(status, "done"));
  const current: TimelineEntry = {
    kind: "status",
    status: order.status,
    statusRaw: order.statusRaw,
    at: order.updatedAt,
    state: "current",
  };
  const parcels = shipmentEntries(order.shipments);
  // Parcels follow the "shipped" step; with no such step behind them, they come just before the current status.
  const shippedAt = entries.findIndex((entry) => entry.kind === "status" && entry.status === "shipped");
  if (order.status === "shipped") {
    entries.push(current, ...parcels);
  } else if (shippedAt !== -1) {
    entries.splice(shippedAt + 1, 0, ...parcels);
    entries.push(current);
  } else {
    entries.push(...parcels, current);
  }
  if (!isFinalStatus(order.status)) entries.push(...after.map((status) => step(status, "upcoming")));
  return entries;
}
