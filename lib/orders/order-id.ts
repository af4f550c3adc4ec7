import { z } from "zod";

/** An order id from a URL: a positive integer in plain digits (no sign, no leading zero, no exponent). */
export const orderIdSchema = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,14}$/)
  .transform(Number)
  .refine(Number.isSafeInteger);

/** The id, or null for anything else ("0", "-1", "1e3", "abc", "12.5"). */
export function parseOrderId(value: string | null | undefined): number | null {
  const parsed = orderIdSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : null;
}
