import { useFormatter, useTranslations } from "next-intl";

import type { PriceEstimate } from "@/lib/purchases/estimate";

/**
 * The cart's or checkout's total at the dealer's last prices paid, said to be an estimate, with the
 * lines counted at list price (no earlier price) and those not counted (price on request) said.
 */
export function PriceEstimateNote({ estimate }: { estimate: PriceEstimate | null }) {
  const t = useTranslations("purchases");
  const format = useFormatter();
  if (!estimate) return null;
  return (
    <div
      className="mt-3 rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-950"
      data-testid="estimate"
    >
      <p className="flex justify-between gap-3">
        <span className="font-semibold">{t("estimateTitle")}</span>
        <span className="font-bold tabular-nums" data-testid="estimate-ex-vat">
          {format.number(estimate.exVat, "money")}
        </span>
      </p>
      <p className="mt-1 text-xs">{t("estimateNote", { count: estimate.atLastPrice })}</p>
      {estimate.atListPrice > 0 ? (
        <p className="mt-1 text-xs">{t("estimateAtList", { count: estimate.atListPrice })}</p>
      ) : null}
      {estimate.notCounted > 0 ? (
        <p className="mt-1 text-xs">{t("estimateNotCounted", { count: estimate.notCounted })}</p>
      ) : null}
    </div>
  );
}
