"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useOptimistic, useRef } from "react";

import { Link } from "@/components/link";
import { Button, buttonClasses } from "@/components/ui/button";

import { editCartAndReturn, editCartFromForm } from "@/lib/cart/actions";
import type { CartFormState } from "@/lib/cart/form-state";
import { MAX_LINE_QUANTITY, roundToSalesUnit, stepQuantity } from "@/lib/cart/quantity";

import { useCartFlash } from "./cart-context";
import { QuantityStepper } from "./quantity-stepper";
import { submitInPlace } from "@/components/ui/submit-in-place";

/**
 * A cart line as the editor gets it: what it needs to change the line, and the parts the server
 * drew (picture, details, total), which stay as they are until the server answers the change.
 */
export interface EditableCartLine {
  sku: string;
  title: string;
  quantity: number;
  /** The sales unit's name, translated by the server ("box", "doos"). */
  salesUnitName: string;
  salesUnitAmount: number;
  picture: React.ReactNode;
  details: React.ReactNode;
  total: React.ReactNode;
}

type Change = { type: "quantity"; sku: string; quantity: number } | { type: "remove"; sku: string } | { type: "empty" };

function applyChange(lines: EditableCartLine[], change: Change): EditableCartLine[] {
  if (change.type === "empty") return [];
  if (change.type === "remove") return lines.filter((line) => line.sku !== change.sku);
  return lines.map((line) => (line.sku === change.sku ? { ...line, quantity: change.quantity } : line));
}

/** Where the keyboard goes when a line leaves the page: a line's quantity field, or the empty cart's message. */
type FocusTarget = { sku: string } | "empty";

/**
 * A form of the editor posted from the page: its line (null: the whole cart), and where the keyboard
 * goes if that line leaves the page with the button pressed (removed, emptied, or found gone).
 */
type PostedForm = { sku: string | null; then: FocusTarget };

/** The line whose quantity field takes the keyboard when `sku` goes: the next one, or the one before when the last went. */
function neighbourOf(lines: EditableCartLine[], sku: string | null): FocusTarget {
  const index = sku === null ? -1 : lines.findIndex((line) => line.sku === sku);
  const neighbour = index < 0 ? undefined : (lines[index + 1] ?? lines[index - 1]);
  return neighbour ? { sku: neighbour.sku } : "empty";
}

/** What a posted cart form will change, to show at once; null when only the server can say. */
function changeOf(form: FormData, lines: EditableCartLine[]): Change | null {
  const intent = form.get("intent") ?? "set";
  if (intent === "empty") return { type: "empty" };
  const sku = form.get("sku");
  const line = lines.find((candidate) => candidate.sku === sku);
  if (!line) return null;
  if (intent === "remove") return { type: "remove", sku: line.sku };
  if (intent === "increase" || intent === "decrease") {
    const quantity = stepQuantity(line.quantity, line.salesUnitAmount, intent === "increase" ? 1 : -1);
    return { type: "quantity", sku: line.sku, quantity };
  }
  const typed = form.get("quantity");
  const wanted =
    typeof typed === "string" && /^\s*\d+([.,]\d+)?\s*$/.test(typed) ? Number(typed.replace(",", ".")) : NaN;
  if (!(wanted > 0 && wanted <= MAX_LINE_QUANTITY)) return null;
  return { type: "quantity", sku: line.sku, quantity: roundToSalesUnit(wanted, line.salesUnitAmount) };
}

/**
 * The cart's lines, each change a form posting to the server action (lib/cart/actions.ts): before
 * hydration or without JavaScript the browser posts it and is sent back to the cart page (a
 * redirect: a reload posts nothing again), which shows the message. Once React runs, each form's
 * submit handler (submitInPlace) takes the post over: the page shows the change at once and the
 * server confirms it; changes made in quick succession are sent one after the other.
 */
export function CartEditor({
  lines: serverLines,
  totals,
  canCheckout,
}: {
  lines: EditableCartLine[];
  /** The totals, drawn by the server. */
  totals: React.ReactNode;
  canCheckout: boolean;
}) {
  const t = useTranslations("cart");
  const [lines, applyOptimistic] = useOptimistic(serverLines, applyChange);
  // The native post's answer: the cart page it redirected back to, with the message (a flash).
  const flash = useCartFlash();
  const posted = flash?.form === "cart" ? flash.state : null;
  const [state, clientAction, pending] = useActionState(
    async (previous: CartFormState, form: FormData): Promise<CartFormState> => {
      try {
        return await editCartFromForm(previous, form);
      } catch {
        return { ok: false, error: "failed" };
      }
    },
    posted,
  );
  // Every form of the editor: the redirecting action for a native post, the change in place once hydrated.
  const action = editCartAndReturn;
  const editor = useRef<HTMLDivElement>(null);
  // The form last posted from the page: the keyboard follows its line if the line leaves the page.
  const lastPost = useRef<PostedForm | null>(null);
  const submit = submitInPlace((form) => {
    const change = changeOf(form, lines);
    if (change) applyOptimistic(change);
    clientAction(form);
  });
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const sku = form.get("intent") === "empty" ? null : form.get("sku");
    if (sku === null || typeof sku === "string") lastPost.current = { sku, then: neighbourOf(lines, sku) };
    submit(event);
  };
  useEffect(() => {
    const last = lastPost.current;
    if (!last || !editor.current) return;
    if (last.sku !== null && lines.some((line) => line.sku === last.sku)) {
      // Still on the page (changed, or its removal not shown yet): settled once the answer is in.
      if (!pending) lastPost.current = null;
      return;
    }
    lastPost.current = null;
    const then = last.then;
    if (then !== "empty" && lines.some((line) => line.sku === then.sku)) {
      const line = editor.current.querySelector(`[data-sku="${CSS.escape(then.sku)}"]`);
      line?.querySelector<HTMLInputElement>('input[type="text"]')?.focus();
    } else if (!lines.length) {
      editor.current.querySelector<HTMLElement>("[data-cart-empty]")?.focus();
    }
  }, [lines, pending]);

  const titleOf = (sku: string | undefined) => lines.find((line) => line.sku === sku)?.title ?? sku ?? "";
  let message = "";
  if (state && !pending) {
    if (!state.ok) {
      const text = t(`errors.${state.error}`, { max: MAX_LINE_QUANTITY });
      message = state.sku ? `${state.title ?? titleOf(state.sku)}: ${text}` : text;
    } else if (state.intent === "empty") message = t("emptied");
    else if (state.intent === "remove") message = t("removed", { title: state.title });
    else message = t("quantityChanged", { title: state.title, quantity: state.quantity });
  }

  return (
    <div ref={editor} className="space-y-4" aria-busy={pending}>
      <p
        role="status"
        aria-live="polite"
        className={`min-h-5 text-sm ${state && !state.ok ? "text-red-800" : "text-green-800"}`}
      >
        {message}
      </p>
      {lines.length ? (
        <>
          <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {lines.map((line) => {
              const lineForm = `cart-line-${line.sku}`;
              const stepForm = `cart-step-${line.sku}`;
              const refused = state && !state.ok && state.sku === line.sku ? state : null;
              const rounded =
                state?.ok && state.intent === "set" && state.sku === line.sku && (state.rounded || state.capped)
                  ? state
                  : null;
              return (
                <li
                  key={line.sku}
                  className="grid gap-3 p-3 sm:grid-cols-[5rem_1fr_auto]"
                  data-testid="cart-line"
                  data-sku={line.sku}
                >
                  <div className="w-20">{line.picture}</div>
                  <div className="min-w-0 space-y-1">{line.details}</div>
                  <div className="flex flex-wrap items-start gap-3 sm:flex-col sm:items-end">
                    <form
                      id={lineForm}
                      action={action}
                      onSubmit={onSubmit}
                      method="post"
                      className="flex flex-wrap items-center gap-2"
                    >
                      <input type="hidden" name="sku" value={line.sku} />
                      <QuantityStepper
                        value={line.quantity}
                        salesUnitAmount={line.salesUnitAmount}
                        unit={line.salesUnitName}
                        title={line.title}
                        stepForm={stepForm}
                        initialText={refused?.typed}
                      />
                      <Button
                        type="submit"
                        name="intent"
                        value="set"
                        variant="secondary"
                        aria-label={t("updateLine", { title: line.title })}
                      >
                        {t("update")}
                      </Button>
                    </form>
                    <form id={stepForm} action={action} onSubmit={onSubmit} method="post" className="hidden">
                      <input type="hidden" name="sku" value={line.sku} />
                    </form>
                    {rounded ? (
                      <p className="text-xs text-amber-800">
                        {rounded.capped
                          ? t("cappedNote", { quantity: rounded.quantity, max: MAX_LINE_QUANTITY })
                          : t("roundedNote", {
                              quantity: rounded.quantity,
                              unit: line.salesUnitName,
                              amount: line.salesUnitAmount,
                            })}
                      </p>
                    ) : null}
                    <p className="text-right">{line.total}</p>
                    <form action={action} onSubmit={onSubmit} method="post">
                      <input type="hidden" name="sku" value={line.sku} />
                      <Button
                        type="submit"
                        name="intent"
                        value="remove"
                        variant="ghost"
                        aria-label={t("removeLine", { title: line.title })}
                      >
                        {t("remove")}
                      </Button>
                    </form>
                  </div>
                </li>
              );
            })}
          </ul>
          <div className="grid gap-4 md:grid-cols-[1fr_22rem]">
            <form
              action={action}
              method="post"
              onSubmit={(event) => {
                if (window.confirm(t("confirmEmpty"))) onSubmit(event);
                else event.preventDefault();
              }}
            >
              <Button type="submit" name="intent" value="empty" variant="danger">
                {t("emptyCart")}
              </Button>
            </form>
            <div className="space-y-3">
              {totals}
              {canCheckout ? (
                <Link href="/checkout" className={buttonClasses("primary", "w-full")}>
                  {t("checkout")}
                </Link>
              ) : (
                <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
                  {t("cannotCheckout")}
                </p>
              )}
            </div>
          </div>
        </>
      ) : (
        <div data-cart-empty tabIndex={-1} className="rounded-lg border border-slate-200 bg-white p-6 text-center">
          <p className="font-semibold">{t("empty")}</p>
          <p className="mt-1 text-slate-700">{t("emptyHint")}</p>
        </div>
      )}
    </div>
  );
}
