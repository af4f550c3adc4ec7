"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";

import { Link } from "@/components/link";
import { Button, buttonClasses } from "@/components/ui/button";

import { emptyCart, removeCartLine, setCartQuantity } from "@/lib/cart/actions";
import { QuantityStepper } from "./quantity-stepper";

/**
 * A cart line as the editor gets it: what it needs to change the line, and the parts the server
 * drew (picture, details, total), which stay as they are until the server answers the change.
 */
export interface EditableCartLine {
  sku: string;
  title: string;
  quantity: number;
  salesUnit: string;
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

/** The cart's lines with optimistic changes: the page shows the change at once, the server confirms. */
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
  const router = useRouter();
  const [lines, applyOptimistic] = useOptimistic(serverLines, applyChange);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  function run(change: Change, action: () => Promise<{ ok: boolean }>, done?: string) {
    setMessage(null);
    startTransition(async () => {
      applyOptimistic(change);
      try {
        const result = await action();
        setMessage(
          result.ok ? (done ? { tone: "ok", text: done } : null) : { tone: "error", text: t("errors.failed") },
        );
        // Changes made in quick succession: make sure the page shows the cart as the server now holds it.
        router.refresh();
      } catch {
        setMessage({ tone: "error", text: t("errors.failed") });
      }
    });
  }

  if (!lines.length) {
    return (
      <div className="rounded-lg border border-slate-200 bg-white p-6 text-center">
        <p className="font-semibold">{t("empty")}</p>
        <p className="mt-1 text-slate-700">{t("emptyHint")}</p>
        <p role="status" className="mt-2 text-sm text-green-800">
          {message?.text ?? ""}
        </p>
      </div>
    );
  }

  return (
    <div className="space-y-4" aria-busy={pending}>
      <p
        role="status"
        aria-live="polite"
        className={`min-h-5 text-sm ${message?.tone === "error" ? "text-red-800" : "text-green-800"}`}
      >
        {message?.text ?? ""}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {lines.map((line) => (
          <li
            key={line.sku}
            className="grid gap-3 p-3 sm:grid-cols-[5rem_1fr_auto]"
            data-testid="cart-line"
            data-sku={line.sku}
          >
            <div className="w-20">{line.picture}</div>
            <div className="min-w-0 space-y-1">{line.details}</div>
            <div className="flex flex-wrap items-start gap-3 sm:flex-col sm:items-end">
              <QuantityStepper
                value={line.quantity}
                salesUnitAmount={line.salesUnitAmount}
                salesUnit={line.salesUnit}
                title={line.title}
                onChange={(quantity) =>
                  run({ type: "quantity", sku: line.sku, quantity }, () => setCartQuantity({ sku: line.sku, quantity }))
                }
              />
              <p className="text-right">{line.total}</p>
              <Button
                variant="ghost"
                aria-label={t("removeLine", { title: line.title })}
                onClick={() =>
                  run(
                    { type: "remove", sku: line.sku },
                    () => removeCartLine({ sku: line.sku }),
                    t("removed", { title: line.title }),
                  )
                }
              >
                {t("remove")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <div className="grid gap-4 md:grid-cols-[1fr_22rem]">
        <div>
          <Button
            variant="danger"
            onClick={() => {
              if (window.confirm(t("confirmEmpty"))) run({ type: "empty" }, () => emptyCart(), t("emptied"));
            }}
          >
            {t("emptyCart")}
          </Button>
        </div>
        <div className="space-y-3">
          {totals}
          {canCheckout ? (
            <Link href="/checkout" className={buttonClasses("primary", "w-full")}>
              {t("checkout")}
            </Link>
          ) : (
            <p className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">{t("cannotCheckout")}</p>
          )}
        </div>
      </div>
    </div>
  );
}
