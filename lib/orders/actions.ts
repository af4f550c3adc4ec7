"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { postedForm } from "@/lib/http/posted-form";

import { requireSession } from "@/lib/auth/session";

import { orderIdSchema } from "./order-id";
import { reorder } from "./reorder";
import type { ReorderActionResult, ReorderFormState } from "./reorder-state";

/** The orders' server actions: parse, read the session, call one use case, answer its result. */

const reorderInput = z.object({ orderId: orderIdSchema });

/** "Order again" on an order's page: the order's lines into the session's cart. */
export async function reorderOrder(input: unknown): Promise<ReorderActionResult> {
  const parsed = reorderInput.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const session = await requireSession();
  const result = await reorder(session, parsed.data.orderId);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

/**
 * "Order again" posted as a form (before hydration or without JavaScript): when every line went in
 * as it was, the answer is the cart; otherwise the order page again with the report of each line.
 */
export async function reorderFormAction(_previous: ReorderFormState, form: FormData): Promise<ReorderFormState> {
  const posted = postedForm.safeParse(form);
  if (!posted.success) return { ok: false };
  const parsed = reorderInput.safeParse({ orderId: posted.data.get("orderId") });
  if (!parsed.success) return { ok: false };
  const result = await reorder(await requireSession(), parsed.data.orderId);
  if (!result.ok) return { ok: false };
  revalidatePath("/", "layout");
  if (result.reports.every((report) => report.outcome === "added")) redirect("/cart");
  return { ok: true, reports: result.reports };
}
