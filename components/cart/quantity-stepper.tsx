"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { MAX_LINE_QUANTITY, roundToSalesUnit, stepQuantity } from "@/lib/cart/quantity";
import { useUnitName } from "@/lib/i18n/use-unit-name";

/**
 * A quantity in whole sales units: − and + move by one unit (a box of 10 goes
 * 10, 20, 30); a typed amount is rounded up on leaving the field, with a note.
 */
export function QuantityStepper({
  value,
  salesUnitAmount,
  salesUnit,
  title,
  onChange,
  disabled = false,
}: {
  value: number;
  salesUnitAmount: number;
  salesUnit: string;
  title: string;
  onChange: (quantity: number, rounded: boolean) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("cart");
  const unitName = useUnitName();
  const id = useId();
  // What the dealer is typing; null shows the current quantity.
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  function commit(raw: string) {
    const wanted = Number(raw.replace(",", "."));
    const quantity = roundToSalesUnit(wanted, salesUnitAmount);
    const rounded = quantity !== wanted;
    setDraft(null);
    setNote(
      !rounded
        ? null
        : quantity < wanted
          ? t("cappedNote", { quantity, max: MAX_LINE_QUANTITY })
          : t("roundedNote", { quantity, unit: unitName(salesUnit), amount: salesUnitAmount }),
    );
    if (quantity !== value || rounded) onChange(quantity, rounded);
  }

  const buttonClass =
    "flex h-11 w-11 shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white text-lg font-bold text-brand-700 hover:bg-brand-50 disabled:opacity-50";
  return (
    <div>
      <div className="flex items-center gap-1">
        <button
          type="button"
          className={buttonClass}
          aria-label={t("decrease", { title })}
          disabled={disabled || value <= salesUnitAmount}
          onClick={() => {
            setNote(null);
            onChange(stepQuantity(value, salesUnitAmount, -1), false);
          }}
        >
          −
        </button>
        <label htmlFor={id} className="sr-only">
          {t("quantityOf", { title })}
        </label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          value={draft ?? String(value)}
          disabled={disabled}
          aria-describedby={note ? `${id}-note` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={(event) => commit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit(event.currentTarget.value);
            }
          }}
          className="h-11 w-20 rounded-md border border-slate-300 bg-white text-center text-base"
        />
        <button
          type="button"
          className={buttonClass}
          aria-label={t("increase", { title })}
          disabled={disabled}
          onClick={() => {
            setNote(null);
            onChange(stepQuantity(value, salesUnitAmount, 1), false);
          }}
        >
          +
        </button>
      </div>
      {note ? (
        <p id={`${id}-note`} role="status" className="mt-1 text-xs text-amber-800">
          {note}
        </p>
      ) : null}
    </div>
  );
}
