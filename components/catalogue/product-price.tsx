import { useFormatter, useTranslations } from "next-intl";

import type { ProductSummary } from "@/lib/catalogue/types";
import { useUnitName } from "@/lib/i18n/use-unit-name";

/** The first-tier list price per price unit, excluding or including VAT as the dealer chose. */
export function ProductPrice({ product, incVat }: { product: ProductSummary; incVat: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const unitName = useUnitName();
  if (product.priceOnDemand) return <span className="font-semibold text-slate-800">{t("product.priceOnDemand")}</span>;
  const price = incVat ? product.priceIncVat : product.priceExVat;
  if (price === null) return <span className="text-slate-600">{t("product.noPrice")}</span>;
  // The figure's line is as tall as the figure from the start (its size and leading on the line itself):
  // a phone that painted "List price" before the figure arrived would otherwise move the words down
  // when it came. The unit and VAT follow on a line of their own, in their own small type.
  return (
    <span className="block">
      <span className="block text-lg leading-7">
        <span className="text-xs text-slate-600">{t("product.listPrice")}</span>{" "}
        <span className="font-bold text-slate-900">{format.number(price, "money")}</span>
      </span>{" "}
      <span className="block text-xs text-slate-600">
        {t("product.perUnit", { unit: unitName(product.priceUnit) })} ·{" "}
        {incVat ? t("catalogue.incVat") : t("catalogue.exVat")}
      </span>
    </span>
  );
}

/** "Sold per piece" or "box of 10". */
export function SalesUnitText({ salesUnit, amount }: { salesUnit: string; amount: number }) {
  const t = useTranslations("product");
  const unit = useUnitName()(salesUnit);
  return <>{amount > 1 ? t("salesUnitBox", { unit, amount }) : t("salesUnit", { unit })}</>;
}
