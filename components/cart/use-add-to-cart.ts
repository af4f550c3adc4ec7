"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { submitInPlace } from "@/components/ui/submit-in-place";

import { addToCartAndReturn, addToCartFromForm } from "@/lib/cart/actions";
import type { AddToCartState } from "@/lib/cart/form-state";
import { MAX_LINE_QUANTITY } from "@/lib/cart/line-limit";

import { useCartCount, useCartFlash } from "./cart-context";

/**
 * The form action and state of an "Add to cart" form for `sku`, shared by the product page's form
 * (AddToCart) and the cards' one-tap button (QuickAddToCart).
 *
 * Before hydration (and without JavaScript) the form posts natively to `addToCartAndReturn`, which
 * redirects back to the page: the answer comes as a flash the layout hands down, read here as the
 * initial state. Once React runs, `onSubmit` (submitInPlace) takes the post over as a transition of
 * this form's state: `pending` while it runs, the answer said in place, a failure said instead of
 * thrown, and the cart's new line count handed to the header (the page is not rendered again).
 */
export function useAddToCart(sku: string) {
  const flash = useCartFlash();
  const { changed } = useCartCount();
  const posted = flash?.form === "add" && flash.sku === sku ? flash.state : null;
  const [state, clientAction, pending] = useActionState(
    async (previous: AddToCartState, form: FormData): Promise<AddToCartState> => {
      try {
        const answer = await addToCartFromForm(previous, form);
        if (answer?.ok) changed(answer.count, answer.changedAt);
        return answer;
      } catch {
        return { ok: false, error: "failed" };
      }
    },
    posted,
  );
  return { state, pending, action: addToCartAndReturn, onSubmit: submitInPlace(clientAction) };
}

/** The live region an "Add to cart" form says its answer in (red for a refusal). */
export function addToCartStatusClass(state: AddToCartState): string {
  return `text-xs ${state && !state.ok ? "text-red-800" : "text-green-800"}`;
}

/**
 * What an "Add to cart" form says after its post: added, added and rounded up to whole sales units
 * (`unitMany`, the unit's name for many: only a typed quantity can be rounded), capped at the line's
 * maximum (with the line's total), or why nothing was added. Empty while the post runs.
 */
export function useAddToCartMessage(state: AddToCartState, pending: boolean, title: string, unitMany?: string): string {
  const t = useTranslations("cart");
  if (pending || state === null) return "";
  if (!state.ok) return t(`errors.${state.error}`, { max: MAX_LINE_QUANTITY });
  if (state.capped) return t("addedCapped", { quantity: state.lineQuantity, title, max: MAX_LINE_QUANTITY });
  if (state.rounded && unitMany) return t("addedRounded", { quantity: state.quantity, title, unit: unitMany });
  return t("added", { quantity: state.quantity, title });
}
