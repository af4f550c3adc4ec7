"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireSession } from "@/lib/auth/session";

import { orderIdSchema } from "./order-id";
import { reorder, type ReorderResult } from "./reorder";

/** The orders' server actions: parse, read the session, call one use case, answer its result. */

const reorderInput = z.object({ orderId: orderIdSchema });

export type ReorderActionResult = ReorderResult | { ok: false; reason: "invalid" };

/** "Order again" on an order's page: the order's lines into the session's cart. */
export async function reorderOrder(input: unknown): Promise<ReorderActionResult> {
  const parsed = reorderInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const session = await requireSession();
  const result = await reorder(session, parsed.data.orderId);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
