"use client";

import { useFormatter, useTranslations } from "next-intl";

import { QuantityStepper } from "@/components/cart/quantity-stepper";
import { SalesUnitText } from "@/components/catalogue/product-price";
import { StockBadge } from "@/components/catalogue/stock-badge";
import { Link } from "@/components/link";
import { AddToListForm } from "@/components/lists/add-to-list-form";
import { FavouriteStar } from "@/components/lists/favourite-star";
import { Button } from "@/components/ui/button";

import { useUnitName } from "@/lib/i18n/use-unit-name";
import type { ScannedProduct } from "@/lib/scan/scan-code";

/** A product found by its barcode: what it is, price, stock in words, sales unit; quantity and one tap to add. */
export function ScannedProductCard({
  product,
  lists = [],
  quantity,
  onQuantity,
  onAdd,
  onDismiss,
  pending,
}: {
  product: ScannedProduct;
  /** The customer's lists, for "Add to list". */
  lists?: { id: string; name: string }[];
  quantity: number;
  onQuantity: (quantity: number) => void;
  onAdd: () => void;
  onDismiss: () => void;
  pending: boolean;
}) {
  const t = useTranslations();
  const unitName = useUnitName();
  const format = useFormatter();
  return (
    <article
      aria-labelledby="scanned-name"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h2 id="scanned-name" className="text-lg font-bold break-words">
        {product.name}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("product.sku")}</dt>
        <dd className="font-mono break-all">{product.sku}</dd>
        {product.barcode ? (
          <>
            <dt className="text-slate-600">{t("product.barcode")}</dt>
            <dd className="font-mono">{product.barcode}</dd>
          </>
        ) : null}
        <dt className="text-slate-600">{t("product.salesUnitLabel")}</dt>
        <dd>
          <SalesUnitText salesUnit={product.salesUnit} amount={product.salesUnitAmount} />
        </dd>
      </dl>
      <p>
        {product.priceOnDemand ? (
          <span className="font-semibold">{t("product.priceOnDemand")}</span>
        ) : product.price === null ? (
          <span className="text-slate-600">{t("product.noPrice")}</span>
        ) : (
          <>
            <span className="text-xs text-slate-600">{t("product.listPrice")}</span>{" "}
            <span className="text-lg font-bold">{format.number(product.price, "money")}</span>{" "}
            <span className="text-xs text-slate-600">
              {t("product.perUnit", { unit: unitName(product.priceUnit) })} ·{" "}
              {product.incVat ? t("catalogue.incVat") : t("catalogue.exVat")}
            </span>
          </>
        )}
      </p>
      <StockBadge colour={product.stockColour} size="md" />
      <FavouriteStar
        key={product.sku}
        sku={product.sku}
        title={product.name}
        favourite={product.favourite}
        returnTo="/scan"
      />
      {product.orderable ? (
        // A form, the quantity a real field: a scan result is shown by script (the look-up), so the
        // scanner adds it (with its undo list, and kept on the device when the connection went).
        <form action={() => onAdd()} method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="sku" value={product.sku} />
          <QuantityStepper
            unit={unitName(product.salesUnit)}
            value={quantity}
            salesUnitAmount={product.salesUnitAmount}
            title={product.name}
            onChange={(next) => onQuantity(next)}
            disabled={pending}
          />
          <Button type="submit" disabled={pending} className="min-w-32 flex-1">
            {pending ? t("cart.adding") : t("cart.add")}
          </Button>
        </form>
      ) : (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {product.blocked ? t("product.blocked") : t("scan.notOrderable")}
        </p>
      )}
      {!product.orderable && !product.blocked ? null : (
        <AddToListForm
          key={product.sku}
          sku={product.sku}
          title={product.name}
          quantity={product.salesUnitAmount}
          lists={lists}
          compact
        />
      )}
      <div className="flex flex-wrap gap-2">
        <Link
          href={`/products/${encodeURIComponent(product.sku)}`}
          className="inline-flex min-h-touch items-center text-sm text-brand-700 underline"
        >
          {t("scan.openProduct")}
        </Link>
        <Button variant="ghost" onClick={onDismiss} className="ml-auto">
          {t("scan.dismiss")}
        </Button>
      </div>
    </article>
  );
}

/** A code no product has: said plainly, with the digits, and a search by hand. */
export function UnknownCode({ code, checkDigitWrong }: { code: string; checkDigitWrong: boolean }) {
  const t = useTranslations("scan");
  return (
    <div role="alert" className="space-y-2 rounded-md border border-amber-400 bg-amber-50 p-4 text-amber-950">
      <p className="font-semibold">
        {t.rich("unknown", {
          code,
          digits: (chunks) => (
            <span className="font-mono break-all" data-testid="unknown-code">
              {chunks}
            </span>
          ),
        })}
      </p>
      <p className="text-sm">{checkDigitWrong ? t("checkDigitWrong") : t("unknownHint")}</p>
      <Link
        href={`/search?q=${encodeURIComponent(code)}`}
        className="inline-flex min-h-touch items-center font-semibold text-brand-700 underline"
      >
        {t("searchByHand", { code })}
      </Link>
    </div>
  );
}
