import type { Order } from "@/lib/domain/order";

import { mapOrder } from "./map";
import { phpDateToInstant } from "./php-date";
import * as wire from "./wire";

/**
 * An order detail read as far as it can be: a field the schema refuses is left
 * out (read as absent), a line or shipment that cannot be read is left out of
 * its list, a status that cannot be read is an unknown status. Only an order
 * whose id cannot be read is not an order at all (null).
 *
 * `unreadable` names what was left out by its path (`shippingAddress`,
 * `products.2`, `updated_at`), never by its value.
 */
export interface LenientOrder {
  order: Order;
  unreadable: string[];
}

const ROUNDS = 40;
const LISTS = new Set(["products", "shipments"]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function readableDate(value: unknown): boolean {
  const parsed = wire.phpDate.safeParse(value);
  if (!parsed.success) return false;
  try {
    phpDateToInstant(parsed.data);
    return true;
  } catch {
    return false;
  }
}

export function readOrderLeniently(raw: unknown): LenientOrder | null {
  if (!isObject(raw)) return null;
  const value: Record<string, unknown> = structuredClone(raw);
  const unreadable = new Set<string>();

  // Dates the schema accepts but no clock can read (an unknown zone) are left out before mapping.
  if (value.updated_at !== undefined && value.updated_at !== null && !readableDate(value.updated_at)) {
    value.updated_at = null;
    unreadable.add("updated_at");
  }
  if (Array.isArray(value.shipments)) {
    value.shipments = value.shipments.filter((shipment, index) => {
      const at = isObject(shipment) ? shipment.created_at : undefined;
      if (at === undefined || at === null || readableDate(at)) return true;
      unreadable.add(`shipments.${index}`);
      return false;
    });
  }

  for (let round = 0; round < ROUNDS; round++) {
    const parsed = wire.order.safeParse(value);
    if (parsed.success) return { order: mapOrder(parsed.data), unreadable: [...unreadable] };
    const dropped = new Map<string, Set<number>>();
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      if (field === undefined) return null;
      if (field === "id") return null;
      const name = String(field);
      if (LISTS.has(name) && typeof index === "number") {
        if (!dropped.has(name)) dropped.set(name, new Set());
        dropped.get(name)!.add(index);
        unreadable.add(`${name}.${index}`);
      } else if (name === "status") {
        value.status = "";
        unreadable.add("status");
      } else {
        delete value[name];
        unreadable.add(name);
      }
    }
    for (const [name, indices] of dropped) {
      const list = value[name];
      if (Array.isArray(list)) value[name] = list.filter((_, index) => !indices.has(index));
    }
  }
  return null;
}
