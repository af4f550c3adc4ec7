import { z } from "zod";

import { isCleanLine } from "@/lib/cart/safe-text";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity";
import { skuSchema } from "@/lib/cart/schemas";

import { MAX_LIST_NAME } from "./limits";

/** Inputs of the lists' server actions, validated before anything is read or written. */

/** A list's id: the random UUID it was created with. Anything else names no list. */
export const listIdSchema = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  .transform((id) => id.toLowerCase());

/** A list's name: 1–100 characters of clean one-line text, spaces at the ends dropped. */
export const listNameSchema = z
  .string()
  .trim()
  .min(1, "empty")
  .max(MAX_LIST_NAME, "long")
  .refine(isCleanLine, "characters");

export const listQuantitySchema = z.coerce.number().int().min(1).max(MAX_LINE_QUANTITY);

export { skuSchema };

/** The id, or null for anything that names no list. */
export function parseListId(value: string | null | undefined): string | null {
  const parsed = listIdSchema.safeParse(value ?? "");
  return parsed.success ? parsed.data : null;
}

/** What a name error is called in the messages (lists.errors.name.*). */
export function nameProblem(error: z.ZodError): "empty" | "long" | "characters" {
  const message = error.issues.find((issue) => issue.path[0] === "name" || issue.path.length === 0)?.message;
  return message === "long" || message === "characters" ? message : "empty";
}
