"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

import { useCartCount } from "./cart-context";

/**
 * On a page that lists the cart's lines (cart, checkout): asks the server for the page again when what
 * it shows may be older than a change made in this tab without a render ("Add to cart" elsewhere, a
 * scan's undo: they answer with the count alone, lib/cart/actions.ts). That is the case for a copy
 * the router shows again (Back, Forward), and for one that arrived while another page was shown (the
 * answer of a cart form posted just before the dealer went on). `readAt` is when the page's render
 * began to read the cart, the change's time when the server had stored it, both by the server's clock:
 * a render that began to read after the change saw it. Renders nothing.
 */
export function CartFreshness({ readAt }: { readAt: number }) {
  const { changedAt } = useCartCount();
  const router = useRouter();
  useEffect(() => {
    // The render asked for again begins its read after the change: this asks once.
    if (changedAt !== null && readAt <= changedAt) router.refresh();
  }, [readAt, changedAt, router]);
  return null;
}
