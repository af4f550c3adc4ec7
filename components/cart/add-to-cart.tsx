"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";

import { addToCartAndReturn, addToCartFromForm } from "@/lib/cart/actions";
import type { AddToCartState } from "@/lib/cart/form-state";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity";
import { useUnitName } from "@/lib/i18n/use-unit-name";

import { useCartFlash } from "./cart-flash";
import { QuantityStepper } from "./quantity-stepper";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * Adds a product to the cart. Compact (cards, suggestions): one sales unit per click. Full
 * (product page): with a stepper in sales-unit multiples.
 *
 * A form posting to the server action: tapped before hydration or without JavaScript, the browser
 * posts it and is sent back to this page (a redirect: a reload posts nothing again), which shows
 * the message and the new cart count. Once React
 * runs, the same post is a transition: "Adding…" while it runs, the message in a live region, and a
 * failure said instead of thrown.
 */
export function AddToCart({
  sku,
  title,
  salesUnit,
  salesUnitAmount,
  blocked,
  compact = false,
}: {
  sku: string;
  title: string;
  salesUnit: string;
  salesUnitAmount: number;
  blocked: boolean;
  compact?: boolean;
}) {
  const t = useTranslations("cart");
  const unitName = useUnitName();
  const hydrated = useHydrated();
  // The native post's answer: the page it redirected back to, with this form's message (a flash).
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
  const [quantity, setQuantity] = useState(salesUnitAmount);

  if (blocked) {
    return <p className="text-sm font-semibold text-red-800">{t("errors.blocked")}</p>;
  }

  const message =
    pending || state === null
      ? ""
      : state.ok
        ? state.capped
          ? t("addedCapped", { quantity: state.lineQuantity, title, max: MAX_LINE_QUANTITY })
          : state.rounded
            ? t("addedRounded", { quantity: state.quantity, title, unit: unitName(salesUnit, 2) })
            : t("added", { quantity: state.quantity, title })
        : t(`errors.${state.error}`, { max: MAX_LINE_QUANTITY });

  return (
    <form action={hydrated ? clientAction : addToCartAndReturn} method="post" className="space-y-2">
      <input type="hidden" name="sku" value={sku} />
      {compact ? (
        <input type="hidden" name="quantity" value={salesUnitAmount} />
      ) : (
        <QuantityStepper
          value={quantity}
          salesUnitAmount={salesUnitAmount}
          salesUnit={salesUnit}
          title={title}
          initialText={state && !state.ok ? state.typed : undefined}
          onChange={(next) => setQuantity(next)}
          disabled={pending}
        />
      )}
      <Button
        type="submit"
        disabled={pending}
        className={compact ? "w-full" : ""}
        aria-label={compact ? `${t("add")}: ${title}` : undefined}
      >
        {pending ? t("adding") : compact ? t("addShort") : t("add")}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={`text-xs ${state && !state.ok ? "text-red-800" : "text-green-800"}`}
      >
        {message}
      </p>
    </form>
  );
}
