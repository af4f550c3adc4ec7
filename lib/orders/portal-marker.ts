import type { Order } from "@/lib/domain/order";

/**
 * The portal writes a marker into the notes of every order it sends (`[portal 9GR22HQX7Y4J]`,
 * lib/checkout/order-request.ts) to find the order again after a lost answer. It is the portal's
 * own bookkeeping: orders read for people (pages, list, CSV, print) never show it. The checkout
 * reads the upstream directly and keeps it.
 */
const MARKER = /[ \t]*\[portal [A-Za-z0-9]{1,64}\][ \t]*/g;

/** Notes without the portal's marker; null when nothing else was written. */
export function notesWithoutMarker(notes: string | null): string | null {
  if (notes === null) return null;
  const cleaned = notes
    .replace(MARKER, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return cleaned || null;
}

/** An order as people see it: its notes without the portal's marker. */
export function orderForPeople<T extends Pick<Order, "notes">>(order: T): T {
  const notes = notesWithoutMarker(order.notes);
  return notes === order.notes ? order : { ...order, notes };
}
