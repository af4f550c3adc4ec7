import { useFormatter, useTranslations } from "next-intl";

import { StockBadge } from "@/components/catalogue/stock-badge";
import { Link } from "@/components/link";
import type { CartLineView } from "@/lib/cart/view";
import { useUnitName } from "@/lib/i18n/use-unit-name";

/**
 * What the cart says of one line: product, sales unit, stock, price and tier, issues. Rendered on
 * the server and handed to the cart editor, so the phone formats no money while the page starts.
 */
export function CartLineDetails({ line }: { line: CartLineView }) {
  const t = useTranslations("cart");
  const product = useTranslations("product");
  const format = useFormatter();
  const unitName = useUnitName();
  return (
    <>
      <Link href={`/products/${encodeURIComponent(line.sku)}`} className="text-brand-800 font-semibold hover:underline">
        {line.title}
      </Link>
      <p className="text-xs text-slate-600">
        <span className="font-mono">{line.sku}</span>
        {" · "}
        {line.salesUnitAmount > 1
          ? product("salesUnitBox", { unit: unitName(line.salesUnit), amount: line.salesUnitAmount })
          : product("salesUnit", { unit: unitName(line.salesUnit) })}
      </p>
      <StockBadge colour={line.stockColour} />
      {line.tier ? (
        <p className="text-xs text-slate-700">
          {t("unitPrice", { unit: unitName(line.priceUnit) })}: {format.number(line.tier.exVat, "money")}
          {/* Said only of a volume price: "from 1" of the base price says nothing. */}
          {line.tier.minQuantity > 1 ? <> · {t("tier", { quantity: line.tier.minQuantity })}</> : null}
        </p>
      ) : null}
      {line.nextTier ? (
        <p className="text-xs text-brand-700">
          {t("nextTier", {
            missing: line.nextTier.missing,
            price: format.number(line.nextTier.exVat, "money"),
            unit: unitName(line.priceUnit),
          })}
        </p>
      ) : null}
      {line.issues.map((issue) => (
        <p
          key={issue}
          className={`rounded px-2 py-1 text-xs ${line.blocking ? "bg-red-50 text-red-900" : "bg-amber-50 text-amber-900"}`}
        >
          {t(`issues.${issue}`)}
        </p>
      ))}
    </>
  );
}

/** The line's total excluding VAT, or that its price is on demand. */
export function CartLineTotal({ line }: { line: CartLineView }) {
  const t = useTranslations("cart");
  const format = useFormatter();
  return (
    <>
      <span className="sr-only">{t("lineTotal")}: </span>
      <span className="font-bold">
        {line.totalExVat === null ? t("priceOnDemand") : format.number(line.totalExVat, "money")}
      </span>
    </>
  );
}
