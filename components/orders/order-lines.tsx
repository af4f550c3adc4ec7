import { useFormatter, useTranslations } from "next-intl";

import { ProductImage } from "@/components/catalogue/product-image";
import { Link } from "@/components/link";
import type { OrderLine } from "@/lib/domain/order";
import { useUnitName } from "@/lib/i18n/use-unit-name";
import type { Media } from "@/lib/domain/media";
import { lineTotal } from "@/lib/orders/totals";

import { PhoneLabel } from "./phone-label";

export interface LineWithImage {
  line: OrderLine;
  /** The product's image from the mirror; null when the mirror does not know it. */
  image: Media | null;
  /** Whether the mirror knows the product (its page can be opened). */
  known: boolean;
}

/** The columns of prices, in order; each is also a message key of `orders.lines`. */
const PRICE_COLUMNS = ["listPrice", "customerPrice", "soldPrice", "discount", "vat", "lineTotal"] as const;

/** The texts of a line's cells: quantity, sales units, and one per price column. */
function useLineText() {
  const t = useTranslations("orders.lines");
  const format = useFormatter();
  const unitName = useUnitName();
  const money = (value: number | null) => (value === null ? "—" : format.number(value, "money"));
  const quantity = (line: OrderLine) => {
    const code = line.priceUnit ?? line.salesUnit;
    return code
      ? t("quantity", { quantity: line.quantity, unit: unitName(code, line.quantity) })
      : String(line.quantity);
  };
  const salesUnits = (line: OrderLine) =>
    line.salesUnitAmount > 1 && line.quantity % line.salesUnitAmount === 0
      ? t("salesUnits", {
          count: line.quantity / line.salesUnitAmount,
          unit: unitName(line.salesUnit),
          amount: line.salesUnitAmount,
        })
      : null;
  const prices: Record<(typeof PRICE_COLUMNS)[number], (line: OrderLine) => string> = {
    listPrice: (line) => money(line.listPrice),
    customerPrice: (line) => money(line.customerPrice),
    soldPrice: (line) => money(line.soldPrice),
    discount: (line) => (line.discount ? t("discountValue", { discount: line.discount }) : "—"),
    vat: (line) => (line.vatRate === null ? "—" : t("vatValue", { rate: line.vatRate })),
    lineTotal: (line) => money(lineTotal(line).exVat),
  };
  return { t, quantity, salesUnits, prices };
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

/** A cell on wide screens and on paper; on phones each cell is a line of the card. */
const screenCell = "lg:table-cell lg:px-2 lg:py-2";
const printCell = "print:table-cell print:px-2 print:py-2";
const labelledCell = `col-span-2 flex min-w-0 gap-3 ${screenCell}`;
const numbers = "tabular-nums lg:text-right lg:whitespace-nowrap print:text-right print:whitespace-nowrap";
/** Prices are left out of the packing list. */
const priceCell = `${labelledCell} ${numbers} print:hidden`;

/**
 * The order's lines as one table: rows on wide screens and on paper (prices left out of the packing
 * list, a tick box added for the warehouse), a card per line on phones. One table, not a table and
 * a list, so a phone builds each line once. The roles are written out because a row laid out as a
 * grid loses them in some browsers.
 */
export function OrderLines({ items, caption }: { items: LineWithImage[]; caption: string }) {
  const { t, quantity, salesUnits, prices } = useLineText();
  const header = "px-2 py-2";
  const numberHeader = `${header} text-right`;
  return (
    <div className="lg:overflow-hidden lg:rounded-lg lg:border lg:border-slate-200 lg:bg-white print:border-0">
      <table role="table" className="block w-full text-left text-sm lg:table print:table">
        <caption className="sr-only">{caption}</caption>
        <thead
          role="rowgroup"
          className="hidden bg-slate-50 text-xs text-slate-700 lg:table-header-group print:table-header-group"
        >
          <tr role="row">
            <th role="columnheader" scope="col" className={`w-16 ${header} print:hidden`}>
              <span className="sr-only">{t("image")}</span>
            </th>
            <th role="columnheader" scope="col" className={header}>
              {t("product")}
            </th>
            <th role="columnheader" scope="col" className={numberHeader}>
              {t("quantityHeader")}
            </th>
            {PRICE_COLUMNS.map((key) => (
              <th key={key} role="columnheader" scope="col" className={`${numberHeader} print:hidden`}>
                {t(key)}
              </th>
            ))}
            <th role="columnheader" scope="col" className={`hidden ${header} text-center print:table-cell`}>
              {t("picked")}
            </th>
          </tr>
        </thead>
        <tbody
          role="rowgroup"
          className="block space-y-3 lg:table-row-group lg:space-y-0 print:table-row-group print:space-y-0"
        >
          {items.map((item, index) => {
            const { line } = item;
            const units = salesUnits(line);
            return (
              <tr
                key={`${line.sku}-${index}`}
                role="row"
                className="grid min-w-0 grid-cols-[4rem_minmax(0,1fr)] gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white p-3 lg:table-row lg:rounded-none lg:border-x-0 lg:border-t-0 lg:p-0 lg:align-top lg:last:border-b-0 print:table-row print:rounded-none print:border-x-0 print:border-t-0 print:p-0 print:align-top print:last:border-b-0"
              >
                <td role="cell" className={`mb-2 ${screenCell} lg:mb-0 print:hidden`}>
                  <div className="w-16 lg:w-14">
                    <ProductImage media={item.image} alt="" size={64} />
                  </div>
                </td>
                <th
                  role="rowheader"
                  scope="row"
                  className={`mb-2 min-w-0 font-normal ${screenCell} ${printCell} lg:mb-0 print:mb-0`}
                >
                  <Title item={item} />
                  <Codes line={line} />
                </th>
                <td role="cell" className={`${labelledCell} ${numbers} ${printCell}`}>
                  <PhoneLabel printedAsTable>{t("quantityHeader")}</PhoneLabel>
                  <span>
                    <span className="font-semibold">{quantity(line)}</span>
                    {units ? <span className="block text-xs text-slate-600">{units}</span> : null}
                  </span>
                </td>
                {PRICE_COLUMNS.map((key) => (
                  <td key={key} role="cell" className={key === "lineTotal" ? `${priceCell} font-semibold` : priceCell}>
                    <PhoneLabel printedAsTable>{t(key)}</PhoneLabel>
                    {prices[key](line)}
                  </td>
                ))}
                <td role="cell" className="hidden px-2 py-2 text-center print:table-cell">
                  <span aria-hidden="true" className="inline-block h-5 w-5 border-2 border-slate-900" />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
