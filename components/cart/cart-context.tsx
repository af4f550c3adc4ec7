"use client";

import { createContext, useCallback, useContext, useMemo, useState } from "react";

import type { CartFlash } from "@/lib/cart/flash";

interface CartContextValue {
  flash: CartFlash | null;
  /** The cart's line count: the server's, or what a form of this page answered since. */
  count: number;
  /**
   * A form changed the cart without the page being rendered again: its new line count, and when the
   * server stored the change (by its clock, lib/cart/actions.ts).
   */
  changed: (count: number, changedAt: number) => void;
  /** When the last such change in this browser tab was stored; null before any (components/cart/cart-freshness.tsx). */
  changedAt: number | null;
}

// Every signed-in page has the provider (the portal layout); nothing reads the cart outside it.
const CartContext = createContext<CartContextValue>(null!);

/**
 * What every signed-in page knows of the cart in the browser (the layout provides it):
 *  - the message of a cart form posted without JavaScript (read once by the layout, see
 *    lib/cart/flash.ts), for the form that was posted: the page the redirect led to says it as the
 *    hydrated form would have;
 *  - the line count the header and the phone's bar show. "Add to cart" answers with the new count
 *    instead of rendering the page again (lib/cart/actions.ts), so the count it answered is shown
 *    until the layout is rendered again. `rendered` names that render: a count from a form belongs
 *    to the render it was given under, and a newer render's count (another action, a reload) wins.
 */
export function CartProvider({
  flash,
  count,
  rendered,
  children,
}: {
  flash: CartFlash | null;
  count: number;
  rendered: string;
  children: React.ReactNode;
}) {
  const [answered, setAnswered] = useState<{ count: number; rendered: string; changedAt: number | null }>({
    count,
    rendered,
    changedAt: null,
  });
  // One function per layout render: the scanner's and the forms' callbacks that call it stay the same.
  const changed = useCallback(
    (next: number, at: number) =>
      setAnswered((last) => ({ count: next, rendered, changedAt: Math.max(last.changedAt ?? at, at) })),
    [rendered],
  );
  const shown = answered.rendered === rendered ? answered.count : count;
  const value = useMemo(
    () => ({ flash, count: shown, changedAt: answered.changedAt, changed }),
    [flash, shown, answered.changedAt, changed],
  );
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

export function useCartFlash(): CartFlash | null {
  return useContext(CartContext).flash;
}

/** The cart's line count as the header shows it, and how a form says it changed. */
export function useCartCount(): Omit<CartContextValue, "flash"> {
  return useContext(CartContext);
}
