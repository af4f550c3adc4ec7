"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { postedForm } from "@/lib/http/posted-form";

import { pickedAddressState } from "@/lib/address-book/checkout";
import { requireSession } from "@/lib/auth/session";

import { checkoutValuesOf, invalidState, keptValues, stateAfterPlacing, type CheckoutFormState } from "./form-state";
import { placeOrder, type PlaceOrderResult } from "./place-order";
import { checkoutSchema, type CheckoutField } from "./schema";

function fieldMessages(error: z.core.$ZodError): Partial<Record<CheckoutField, string>> {
  const fields: Partial<Record<CheckoutField, string>> = {};
  for (const issue of error.issues) fields[issue.path[0] as CheckoutField] ??= issue.message;
  return fields;
}

/** The hydrated checkout form's "Place order": parse, session, placeOrder (lib/checkout/place-order.ts). */
export async function submitOrder(input: unknown): Promise<PlaceOrderResult> {
  const parsed = checkoutSchema.safeParse(input);
  if (!parsed.success) return { kind: "invalid", fields: fieldMessages(parsed.error) };
  const result = await placeOrder(await requireSession(), parsed.data);
  // The header's cart count (rendered by the portal layout) goes to 0 at once; also when another
  // tab's order took the cart (already ordered), which this page's header does not know yet.
  if (result.kind === "placed" || result.kind === "already-ordered") revalidatePath("/", "layout");
  return result;
}

const intentSchema = z.enum(["review", "change", "place", "pick"]);

/**
 * The checkout's forms posted natively (before hydration, or without JavaScript): the answer is the
 * page again with this state (the review step, or the details with their messages and everything
 * typed), or the confirmation when the order was placed. "Place order" posts the attempt id the
 * server rendered into the form: a second post of the same form reports the same order.
 */
export async function checkoutFormAction(_previous: CheckoutFormState, form: FormData): Promise<CheckoutFormState> {
  const posted = postedForm.safeParse(form);
  const intent = intentSchema.safeParse(posted.success ? posted.data.get("intent") : null);
  const raw = checkoutValuesOf(posted.success ? posted.data : new FormData());
  const kept = keptValues(raw);
  const parsed = checkoutSchema.safeParse(raw);
  const session = await requireSession();
  if (!intent.success || intent.data === "change") {
    return { step: "details", values: kept, attemptId: kept.attemptId || null, fields: {}, lines: {}, problem: null };
  }
  if (intent.data === "pick") return pickedAddressState(session, kept, posted.data?.get("savedAddress") ?? null);
  if (!parsed.success) return invalidState(kept, fieldMessages(parsed.error));
  if (intent.data === "review") {
    return {
      step: "review",
      values: parsed.data,
      attemptId: parsed.data.attemptId,
      fields: {},
      lines: {},
      problem: null,
    };
  }
  const result = await placeOrder(session, parsed.data);
  if (result.kind === "placed") {
    revalidatePath("/", "layout");
    redirect(`/checkout/confirmation/${result.attemptId}`);
  }
  return stateAfterPlacing(parsed.data, result);
}
