"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

import { addToCartStatusClass, useAddToCart, useAddToCartMessage } from "./use-add-to-cart";

/**
 * One tap adds one sales unit of a product to the cart: the button of product cards (category and
 * search pages), buy-again rows and scan results. The same form and action as AddToCart (see
 * useAddToCart) without the stepper: a page of 24 cards hydrates less. The quantity sent is a whole
 * sales unit, so the cart never rounds it; the message names what was added and the line's total
 * when the cart capped it.
 */
export function QuickAddToCart({
  sku,
  title,
  salesUnitAmount,
  blocked,
}: {
  sku: string;
  title: string;
  salesUnitAmount: number;
  blocked: boolean;
}) {
  const t = useTranslations("cart");
  const { state, pending, action, onSubmit } = useAddToCart(sku);

  const message = useAddToCartMessage(state, pending, title);

  if (blocked) {
    return <p className="text-sm font-semibold text-red-800">{t("errors.blocked")}</p>;
  }

  return (
    <form action={action} onSubmit={onSubmit} method="post" className="space-y-2">
      <input type="hidden" name="sku" value={sku} />
      <input type="hidden" name="quantity" value={salesUnitAmount} />
      <Button type="submit" disabled={pending} className="w-full" aria-label={t("addNamed", { title })}>
        {pending ? t("adding") : t("addShort")}
      </Button>
      <p role="status" aria-live="polite" className={addToCartStatusClass(state)}>
        {message}
      </p>
    </form>
  );
}
