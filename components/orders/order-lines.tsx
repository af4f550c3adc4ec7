import { useFormatter, useTranslations } from "next-intl";

import { ProductImage } from "@/components/catalogue/product-image";
import { Link } from "@/components/link";
import type { OrderLine } from "@/lib/domain/order";
import type { Media } from "@/lib/domain/media";
import { lineTotal } from "@/lib/orders/totals";

export interface LineWithImage {
  line: OrderLine;
  /** The product's image from the mirror; null when the mirror does not know it. */
  image: Media | null;
  /** Whether the mirror knows the product (its page can be opened). */
  known: boolean;
}

function useLineText() {
  const t = useTranslations("orders.lines");
  const format = useFormatter();
  const money = (value: number | null) => (value === null ? "—" : format.number(value, "money"));
  const quantity = (line: OrderLine) => {
    const unit = (line.priceUnit ?? line.salesUnit ?? "").toLowerCase();
    return unit ? t("quantity", { quantity: line.quantity, unit }) : String(line.quantity);
  };
  const salesUnits = (line: OrderLine) =>
    line.salesUnitAmount > 1 && line.quantity % line.salesUnitAmount === 0
      ? t("salesUnits", {
          count: line.quantity / line.salesUnitAmount,
          unit: (line.salesUnit ?? "").toLowerCase(),
          amount: line.salesUnitAmount,
        })
      : null;
  const discount = (line: OrderLine) => (line.discount ? t("discountValue", { discount: line.discount }) : "—");
  const vat = (line: OrderLine) => (line.vatRate === null ? "—" : t("vatValue", { rate: line.vatRate }));
  return { t, money, quantity, salesUnits, discount, vat };
}

function Title({ item }: { item: LineWithImage }) {
  const t = useTranslations("orders.lines");
  const title = item.line.title ?? t("untitled", { sku: item.line.sku });
  if (!item.known) return <span className="font-semibold break-words">{title}</span>;
  return (
    <Link
      href={`/products/${encodeURIComponent(item.line.sku)}`}
      className="inline-flex min-h-touch items-center font-semibold break-words text-brand-700 underline-offset-2 hover:underline print:min-h-0 print:text-slate-900 print:no-underline"
    >
      {title}
    </Link>
  );
}

function Codes({ line }: { line: OrderLine }) {
  const t = useTranslations("orders.lines");
  return (
    <span className="block text-xs text-slate-600">
      {t("sku")} <span className="font-mono">{line.sku}</span>
      {line.barcode ? (
        <>
          {" · "}
          {t("barcode")} <span className="font-mono">{line.barcode}</span>
        </>
      ) : null}
    </span>
  );
}

/**
 * The order's lines: a table on wide screens and on paper (prices left out of
 * the packing list, a tick box added for the warehouse), cards on phones.
 */
export function OrderLines({ items, caption }: { items: LineWithImage[]; caption: string }) {
  const { t, money, quantity, salesUnits, discount, vat } = useLineText();
  const num = "px-2 py-2 text-right tabular-nums whitespace-nowrap";
  const price = `${num} print:hidden`;
  return (
    <>
      <div className="hidden overflow-hidden rounded-lg border border-slate-200 bg-white lg:block print:block print:border-0">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-xs text-slate-700">
            <tr>
              <th scope="col" className="w-16 px-2 py-2 print:hidden">
                <span className="sr-only">{t("image")}</span>
              </th>
              <th scope="col" className="px-2 py-2">
                {t("product")}
              </th>
              <th scope="col" className="px-2 py-2 text-right">
                {t("quantityHeader")}
              </th>
              <th scope="col" className="px-2 py-2 text-right print:hidden">
                {t("listPrice")}
              </th>
              <th scope="col" className="px-2 py-2 text-right print:hidden">
                {t("customerPrice")}
              </th>
              <th scope="col" className="px-2 py-2 text-right print:hidden">
                {t("soldPrice")}
              </th>
              <th scope="col" className="px-2 py-2 text-right print:hidden">
                {t("discount")}
              </th>
              <th scope="col" className="px-2 py-2 text-right print:hidden">
                {t("vat")}
              </th>
              <th scope="col" className="px-2 py-2 text-right print:hidden">
                {t("lineTotal")}
              </th>
              <th scope="col" className="hidden px-2 py-2 text-center print:table-cell">
                {t("picked")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {items.map((item, index) => {
              const { line } = item;
              const units = salesUnits(line);
              return (
                <tr key={`${line.sku}-${index}`} className="align-top">
                  <td className="px-2 py-2 print:hidden">
                    <div className="w-14">
                      <ProductImage media={item.image} alt="" size={64} sizes="64px" />
                    </div>
                  </td>
                  <th scope="row" className="px-2 py-2 font-normal">
                    <Title item={item} />
                    <Codes line={line} />
                  </th>
                  <td className={num}>
                    <span className="font-semibold">{quantity(line)}</span>
                    {units ? <span className="block text-xs text-slate-600">{units}</span> : null}
                  </td>
                  <td className={price}>{money(line.listPrice)}</td>
                  <td className={price}>{money(line.customerPrice)}</td>
                  <td className={price}>{money(line.soldPrice)}</td>
                  <td className={price}>{discount(line)}</td>
                  <td className={price}>{vat(line)}</td>
                  <td className={`${price} font-semibold`}>{money(lineTotal(line).exVat)}</td>
                  <td className="hidden px-2 py-2 text-center print:table-cell">
                    <span aria-hidden="true" className="inline-block h-5 w-5 border-2 border-slate-900" />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <ul aria-label={caption} className="space-y-3 lg:hidden print:hidden">
        {items.map((item, index) => {
          const { line } = item;
          const units = salesUnits(line);
          return (
            <li key={`${line.sku}-${index}`} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3">
              <div className="flex min-w-0 gap-3">
                <div className="w-16 shrink-0">
                  <ProductImage media={item.image} alt="" size={64} sizes="64px" />
                </div>
                <div className="min-w-0">
                  <Title item={item} />
                  <Codes line={line} />
                </div>
              </div>
              <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
                <dt className="text-slate-600">{t("quantityHeader")}</dt>
                <dd className="font-semibold">
                  {quantity(line)}
                  {units ? <span className="block text-xs font-normal text-slate-600">{units}</span> : null}
                </dd>
                <dt className="text-slate-600">{t("listPrice")}</dt>
                <dd>{money(line.listPrice)}</dd>
                <dt className="text-slate-600">{t("customerPrice")}</dt>
                <dd>{money(line.customerPrice)}</dd>
                <dt className="text-slate-600">{t("soldPrice")}</dt>
                <dd>{money(line.soldPrice)}</dd>
                <dt className="text-slate-600">{t("discount")}</dt>
                <dd>{discount(line)}</dd>
                <dt className="text-slate-600">{t("vat")}</dt>
                <dd>{vat(line)}</dd>
                <dt className="text-slate-600">{t("lineTotal")}</dt>
                <dd className="font-semibold">{money(lineTotal(line).exVat)}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </>
  );
}
