"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { useCartCount } from "./cart-context";

/** Per render of a page listing the cart (its `rendered` id): how many changes the tab had made when it was first shown. */
const shownAt = new Map<string, number>();

/**
 * On a page that lists the cart's lines (cart, checkout): asks the server for the page again when it
 * is shown from the router's copy (Back, Forward) after "Add to cart" changed the cart elsewhere in
 * this tab. That add answers with the count alone and renders nothing again (lib/cart/actions.ts),
 * so the copy would show the cart as it was. Renders nothing.
 */
export function CartFreshness({ rendered }: { rendered: string }) {
  const { changes } = useCartCount();
  const router = useRouter();
  useEffect(() => {
    const first = shownAt.get(rendered);
    if (first === undefined) shownAt.set(rendered, changes);
    else if (first !== changes) router.refresh();
  }, [rendered, changes, router]);
  return null;
}
