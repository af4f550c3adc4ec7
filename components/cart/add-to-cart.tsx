"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@/components/ui/button";

import { QuantityStepper } from "./quantity-stepper";
import { addToCartStatusClass, useAddToCart, useAddToCartMessage } from "./use-add-to-cart";

/**
 * Adds a product to the cart with a stepper in sales-unit multiples (the product page, favourites).
 * Lists of many products use the one-tap QuickAddToCart, which sends no stepper to the browser.
 * `unit`: the sales unit's name, one and many, translated by the server (ProductAddToCart), so
 * that the unit vocabulary stays out of the browser.
 *
 * A form posting to the server action: tapped before hydration or without JavaScript, the browser
 * posts it and is sent back to this page (a redirect: a reload posts nothing again), which shows
 * the message and the new cart count. Once React runs, the same post is a transition: "Adding…"
 * while it runs, the message in a live region, and a failure said instead of thrown.
 */
export function AddToCart({
  sku,
  title,
  unit,
  salesUnitAmount,
  blocked,
}: {
  sku: string;
  title: string;
  unit: { one: string; many: string };
  salesUnitAmount: number;
  blocked: boolean;
}) {
  const t = useTranslations("cart");
  const { state, pending, action, onSubmit } = useAddToCart(sku);
  const [quantity, setQuantity] = useState(salesUnitAmount);

  const message = useAddToCartMessage(state, pending, title, unit.many);

  if (blocked) {
    return <p className="text-sm font-semibold text-red-800">{t("errors.blocked")}</p>;
  }

  return (
    <form action={action} onSubmit={onSubmit} method="post" className="space-y-2">
      <input type="hidden" name="sku" value={sku} />
      <QuantityStepper
        value={quantity}
        salesUnitAmount={salesUnitAmount}
        unit={unit.one}
        title={title}
        initialText={state && !state.ok ? state.typed : undefined}
        onChange={(next) => setQuantity(next)}
        disabled={pending}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("adding") : t("add")}
      </Button>
      <p role="status" aria-live="polite" className={addToCartStatusClass(state)}>
        {message}
      </p>
    </form>
  );
}
