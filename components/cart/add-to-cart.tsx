"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { Button } from "@/components/ui/button";

import { addToCart } from "@/lib/cart/actions";
import { useUnitName } from "@/lib/i18n/use-unit-name";
import { QuantityStepper } from "./quantity-stepper";

/**
 * Adds a product to the cart. Compact (cards, suggestions): one sales unit per
 * click. Full (product page, scan): with a stepper in sales-unit multiples.
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
  const [quantity, setQuantity] = useState(salesUnitAmount);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  if (blocked) {
    return <p className="text-sm font-semibold text-red-800">{t("errors.blocked")}</p>;
  }

  function add() {
    setMessage(null);
    startTransition(async () => {
      try {
        const result = await addToCart({ sku, quantity: compact ? salesUnitAmount : quantity });
        if (result.ok) {
          const unit = unitName(salesUnit, 2);
          setMessage({
            tone: "ok",
            text: result.rounded
              ? t("addedRounded", { quantity: result.quantity, title, unit })
              : t("added", { quantity: result.quantity, title }),
          });
        } else {
          setMessage({ tone: "error", text: t(`errors.${result.error}`) });
        }
      } catch {
        setMessage({ tone: "error", text: t("errors.failed") });
      }
    });
  }

  return (
    <div className="space-y-2">
      {compact ? null : (
        <QuantityStepper
          value={quantity}
          salesUnitAmount={salesUnitAmount}
          salesUnit={salesUnit}
          title={title}
          onChange={(next) => setQuantity(next)}
          disabled={pending}
        />
      )}
      <Button
        onClick={add}
        disabled={pending}
        className={compact ? "w-full" : ""}
        aria-label={compact ? `${t("add")}: ${title}` : undefined}
      >
        {pending ? t("adding") : compact ? t("addShort") : t("add")}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={`text-xs ${message?.tone === "error" ? "text-red-800" : "text-green-800"}`}
      >
        {message?.text ?? ""}
      </p>
    </div>
  );
}
