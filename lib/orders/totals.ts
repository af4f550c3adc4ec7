import type { OrderLine } from "@/lib/domain/order";
import { lineAmounts, totalsByRate } from "@/lib/money";

/**
 * Money of an order, from what the wholesaler charged.
 *
 * What a line total means: an order line's `quantity` counts price units (the
 * `amount` the order was placed with: a multiple of `sales_unit_amount`, so two
 * boxes of 10 pieces are quantity 20), and every price on the line (`price`,
 * `customer_price`, `sold_price`) is per price unit. So
 *
 *   line total excl. VAT = sold_price × quantity, rounded to cents
 *
 * and never multiplied by `sales_unit_amount` again. A line without a sold
 * price has no total (it is not guessed from the list or customer price) and
 * marks the order's totals as incomplete.
 *
 * VAT is computed per rate on the summed net amounts of that rate, as an
 * invoice does; a line's own amount incl. VAT is shown for reading only.
 */

/** Cent-exact rounding, half up: the one rule of lib/money.ts. */
export { roundMoney } from "@/lib/money";

export interface LineTotal {
  exVat: number | null;
  incVat: number | null;
}

export function lineTotal(line: Pick<OrderLine, "soldPrice" | "quantity" | "vatRate">): LineTotal {
  if (line.soldPrice === null || !Number.isFinite(line.soldPrice) || !Number.isFinite(line.quantity)) {
    return { exVat: null, incVat: null };
  }
  const amounts = lineAmounts(line.soldPrice, line.quantity, line.vatRate);
  return { exVat: amounts.exVat, incVat: amounts.incVat };
}

export interface VatGroup {
  /** null: lines whose VAT rate the wholesaler did not give. */
  vatRate: number | null;
  exVat: number;
  vat: number | null;
  incVat: number | null;
}

export interface OrderTotals {
  /** Per VAT rate, highest rate first; lines of unknown rate last. */
  byRate: VatGroup[];
  exVat: number;
  /** null when some priced line has no VAT rate. */
  vat: number | null;
  incVat: number | null;
  /** Some line has no sold price: the totals leave it out. */
  incomplete: boolean;
  /** How many lines have no sold price (left out of the totals). */
  unpriced: number;
}

export function orderTotals(lines: readonly Pick<OrderLine, "soldPrice" | "quantity" | "vatRate">[]): OrderTotals {
  const priced: { exVat: number; vatRate: number | null }[] = [];
  for (const line of lines) {
    const total = lineTotal(line);
    if (total.exVat !== null) priced.push({ exVat: total.exVat, vatRate: line.vatRate });
  }
  const totals = totalsByRate(priced);
  const unpriced = lines.length - priced.length;
  return { ...totals, incomplete: unpriced > 0, unpriced };
}
