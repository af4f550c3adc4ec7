"use client";

import { useTranslations } from "next-intl";

import { MAX_LIST_LINES } from "@/lib/cart/line-limit";
import type { QuickOrderFormState } from "@/lib/quick-order/quick-order-form-state";

import { AddedToCart } from "./added-to-cart";
import { LineReportTable } from "./line-report";

/**
 * The answer to a quick-order form posted natively (before hydration or without JavaScript): the
 * report of every line and what went into the cart, or why nothing could be read.
 */
export function PostedReport({ state }: { state: NonNullable<QuickOrderFormState> }) {
  const t = useTranslations("quickOrder");
  const outcome = state.outcome;
  if (outcome.kind !== "added") {
    const message =
      outcome.kind === "nothing-to-check"
        ? t("nothingToCheck")
        : outcome.kind === "file-too-large"
          ? t("fileTooLarge")
          : outcome.kind === "file-unreadable"
            ? t("fileUnreadable")
            : t("checkFailed");
    return (
      <p role="alert" className="text-sm text-red-800">
        {message}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      {outcome.tooMany ? <p className="text-sm text-amber-900">{t("tooMany", { max: MAX_LIST_LINES })}</p> : null}
      <LineReportTable rows={outcome.rows} />
      <AddedToCart count={outcome.added} />
    </div>
  );
}
