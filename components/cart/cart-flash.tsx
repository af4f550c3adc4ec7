"use client";

import { createContext, useContext } from "react";

import type { CartFlash } from "@/lib/cart/flash";

const CartFlashContext = createContext<CartFlash | null>(null);

/**
 * Hands the message of a cart form posted without JavaScript (read once by the layout, see
 * lib/cart/flash.ts) to the form that was posted: the page the redirect led to says it as the
 * hydrated form would have.
 */
export function CartFlashProvider({ flash, children }: { flash: CartFlash | null; children: React.ReactNode }) {
  return <CartFlashContext.Provider value={flash}>{children}</CartFlashContext.Provider>;
}

export function useCartFlash(): CartFlash | null {
  return useContext(CartFlashContext);
}
