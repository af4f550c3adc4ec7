import { z } from "zod";

import type { OrderId } from "@/lib/domain/order";

/**
 * An order id from a URL or a form: the upstream's opaque id (`100123`,
 * `ORD123456`), 1–64 of letters, digits, `.`, `_` and `-`, starting with a
 * letter or digit (so never a dot segment). Anything else names no order.
 * Links encode it with encodeURIComponent and routes receive it decoded.
 */
export const orderIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);

/** The id, or null for anything else ("", "../1", "a/b", "ORD 1", 65 characters). */
export function parseOrderId(value: string | null | undefined): OrderId | null {
  const parsed = orderIdSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : null;
}

/** The id as a path segment: `/orders/${orderPathSegment(id)}`. */
export function orderPathSegment(id: OrderId): string {
  return encodeURIComponent(id);
}
