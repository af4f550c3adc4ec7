import type { OrderLine } from "@/lib/domain/order";

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

/** Cent-exact rounding: amounts are rounded per line and per VAT rate. */
export const roundMoney = (value: number): number => Math.round((value + Number.EPSILON) * 100) / 100;

const withVat = (exVat: number, rate: number) => roundMoney(exVat * (1 + rate / 100));

export interface LineTotal {
  exVat: number | null;
  incVat: number | null;
}

export function lineTotal(line: Pick<OrderLine, "soldPrice" | "quantity" | "vatRate">): LineTotal {
  if (line.soldPrice === null || !Number.isFinite(line.soldPrice) || !Number.isFinite(line.quantity)) {
    return { exVat: null, incVat: null };
  }
  const exVat = roundMoney(line.soldPrice * line.quantity);
  return { exVat, incVat: line.vatRate === null ? null : withVat(exVat, line.vatRate) };
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
}

export function orderTotals(lines: readonly Pick<OrderLine, "soldPrice" | "quantity" | "vatRate">[]): OrderTotals {
  const net = new Map<number | null, number>();
  let incomplete = false;
  for (const line of lines) {
    const total = lineTotal(line);
    if (total.exVat === null) {
      incomplete = true;
      continue;
    }
    net.set(line.vatRate, roundMoney((net.get(line.vatRate) ?? 0) + total.exVat));
  }
  const byRate: VatGroup[] = [...net.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([vatRate, exVat]) => {
      if (vatRate === null) return { vatRate, exVat, vat: null, incVat: null };
      const vat = roundMoney((exVat * vatRate) / 100);
      return { vatRate, exVat, vat, incVat: roundMoney(exVat + vat) };
    });
  const exVat = roundMoney(byRate.reduce((sum, group) => sum + group.exVat, 0));
  const unknownRate = byRate.some((group) => group.vat === null);
  const vat = unknownRate ? null : roundMoney(byRate.reduce((sum, group) => sum + (group.vat ?? 0), 0));
  return { byRate, exVat, vat, incVat: vat === null ? null : roundMoney(exVat + vat), incomplete };
}
