"use client";

import { useActionState } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";
import { addToCartAndReturn, addToCartFromForm } from "@/lib/cart/actions";
import type { AddToCartState } from "@/lib/cart/form-state";

import { useCartFlash } from "./cart-flash";

/**
 * The form action and state of an "Add to cart" form for `sku`, shared by the product page's form
 * (AddToCart) and the cards' one-tap button (QuickAddToCart).
 *
 * Before hydration (and without JavaScript) the form posts natively to `addToCartAndReturn`, which
 * redirects back to the page: the answer comes as a flash the layout hands down, read here as the
 * initial state. Once React runs, the same post is a transition: `pending` while it runs, and a
 * failure is said instead of thrown.
 */
export function useAddToCart(sku: string) {
  const hydrated = useHydrated();
  const flash = useCartFlash();
  const posted = flash?.form === "add" && flash.sku === sku ? flash.state : null;
  const [state, clientAction, pending] = useActionState(
    async (previous: AddToCartState, form: FormData): Promise<AddToCartState> => {
      try {
        return await addToCartFromForm(previous, form);
      } catch {
        return { ok: false, error: "failed" };
      }
    },
    posted,
  );
  return { state, pending, action: hydrated ? clientAction : addToCartAndReturn };
}
