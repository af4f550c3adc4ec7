"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { MAX_LINE_QUANTITY, roundToSalesUnit, stepQuantity } from "@/lib/cart/quantity";

import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * A quantity in whole sales units: − and + move by one unit (a box of 10 goes 10, 20, 30); the
 * typed amount is a real form field (`name`, in the form it sits in or the one `form` names), so
 * a form posts it before hydration and without JavaScript.
 *
 * Two ways to step:
 * - `stepForm` names a form: − and + are its submit buttons (intent "decrease"/"increase"), and
 *   the server steps from what it holds (the cart page). A typed amount is sent with its form when
 *   the field is left.
 * - otherwise − and + change the value here (`onChange`; they need script, so they are off until
 *   the page is hydrated), and a typed amount is rounded up on leaving the field, with a note.
 */
export function QuantityStepper({
  value,
  salesUnitAmount,
  unit,
  title,
  name = "quantity",
  form,
  stepForm,
  initialText,
  onChange,
  disabled = false,
}: {
  value: number;
  salesUnitAmount: number;
  /** The sales unit's name, translated by the server ("box", "doos"): said in the rounding note. */
  unit: string;
  title: string;
  name?: string;
  /** The id of the form the typed field belongs to, when it is not inside it. */
  form?: string;
  /** The id of the form − and + submit (server-side steps). */
  stepForm?: string;
  /** What the field shows first instead of the value (what was typed before a refused post). */
  initialText?: string;
  onChange?: (quantity: number, rounded: boolean) => void;
  disabled?: boolean;
}) {
  const t = useTranslations("cart");
  const hydrated = useHydrated();
  const id = useId();
  // What the dealer is typing; null shows the current quantity. It ends when the dealer settles it
  // (here) or sends its form, not when the quantity changes meanwhile (an earlier change answered).
  const [draft, setDraft] = useState<string | null>(initialText ?? null);
  const [note, setNote] = useState<string | null>(null);
  const [given, setGiven] = useState(initialText);
  if (given !== initialText) {
    // A refused amount comes back as typed, to be corrected rather than typed again.
    setGiven(initialText);
    if (initialText !== undefined) setDraft(initialText);
  }
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // A sent form ends the draft (the answer may leave the quantity as it was: 21 in boxes of 10
    // when the line held 30). Only after the event: React flushes pending updates before it reads
    // the form for its action, and the field would be sent as it was before the dealer typed.
    const owner = stepForm ? input.current?.form : null;
    if (!owner) return;
    const sent = () => setTimeout(() => setDraft(null), 0);
    owner.addEventListener("submit", sent);
    return () => owner.removeEventListener("submit", sent);
  }, [stepForm]);

  function commit(raw: string) {
    const wanted = Number(raw.trim().replace(",", "."));
    const quantity = roundToSalesUnit(wanted, salesUnitAmount);
    const rounded = quantity !== wanted;
    setDraft(null);
    setNote(
      !rounded
        ? null
        : quantity < wanted
          ? t("cappedNote", { quantity, max: MAX_LINE_QUANTITY })
          : t("roundedNote", { quantity, unit, amount: salesUnitAmount }),
    );
    if (quantity !== value || rounded) onChange?.(quantity, rounded);
  }

  function left(event: React.FocusEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    if (!stepForm) {
      commit(input.value);
      return;
    }
    // Sent as it is when the dealer moves on; not when they move to a button of its own form
    // ("Update", "Remove"), which sends the form itself.
    const next = event.relatedTarget;
    const ownButton = next instanceof HTMLButtonElement && next.form === input.form && next.type === "submit";
    if (draft !== null && draft.trim() !== String(value) && !ownButton) input.form?.requestSubmit();
  }

  const buttonClass =
    "flex h-11 w-11 shrink-0 items-center justify-center rounded-md border border-slate-300 bg-white text-lg font-bold text-brand-700 hover:bg-brand-50 disabled:opacity-50";
  const step = (direction: 1 | -1) =>
    stepForm
      ? ({ type: "submit", form: stepForm, name: "intent", value: direction > 0 ? "increase" : "decrease" } as const)
      : ({
          type: "button",
          onClick: () => {
            setNote(null);
            setDraft(null);
            onChange?.(stepQuantity(value, salesUnitAmount, direction), false);
          },
        } as const);
  // Client-side steps need script: off until the page is hydrated (the typed field works without it).
  const stepsOff = disabled || (!stepForm && !hydrated);
  return (
    <div>
      <div className="flex items-center gap-1">
        <button
          {...step(-1)}
          className={buttonClass}
          aria-label={t("decrease", { title })}
          disabled={stepsOff || value <= salesUnitAmount}
        >
          −
        </button>
        <label htmlFor={id} className="sr-only">
          {t("quantityOf", { title })}
        </label>
        <input
          ref={input}
          id={id}
          name={name}
          form={form}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={draft ?? String(value)}
          readOnly={disabled}
          aria-describedby={note ? `${id}-note` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={left}
          onKeyDown={(event) => {
            // Here, Enter settles the typed amount (as leaving the field does); the button adds it.
            if (event.key === "Enter" && !stepForm) {
              event.preventDefault();
              commit(event.currentTarget.value);
            }
          }}
          className="h-11 w-20 rounded-md border border-slate-300 bg-white text-center text-base"
        />
        <button {...step(1)} className={buttonClass} aria-label={t("increase", { title })} disabled={stepsOff}>
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
