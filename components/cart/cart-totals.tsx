import { useFormatter, useTranslations } from "next-intl";

import type { VatTotals } from "@/lib/cart/pricing";

/** Totals per VAT rate, excluding and including VAT. */
export function CartTotals({ totals }: { totals: VatTotals }) {
  const t = useTranslations("cart");
  const format = useFormatter();
  const money = (value: number) => format.number(value, "money");
  return (
    <section aria-labelledby="cart-totals" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="cart-totals" className="mb-2 font-semibold">
        {t("totals")}
      </h2>
      <dl className="space-y-1 text-sm">
        <div className="flex justify-between">
          <dt>{t("subtotalExVat")}</dt>
          <dd className="font-semibold" data-testid="total-ex-vat">
            {money(totals.exVat)}
          </dd>
        </div>
        {totals.byRate.map((rate) => (
          <div key={rate.vatRate} className="flex justify-between text-slate-700">
            <dt>{t("vatAt", { rate: rate.vatRate, base: money(rate.exVat) })}</dt>
            <dd>{money(rate.vat)}</dd>
          </div>
        ))}
        <div className="flex justify-between border-t border-slate-200 pt-1 text-base">
          <dt className="font-semibold">{t("totalIncVat")}</dt>
          <dd className="font-bold" data-testid="total-inc-vat">
            {money(totals.incVat)}
          </dd>
        </div>
      </dl>
      {totals.unpriced > 0 ? (
        <p className="mt-2 text-sm text-amber-900" data-testid="not-counted">
          {t("notCounted", { count: totals.unpriced })}
        </p>
      ) : null}
      <p className="mt-2 text-xs text-slate-600">{t("atListPrices")}</p>
    </section>
  );
}
