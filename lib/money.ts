/**
 * Exact money, in one module. Amounts arrive as JavaScript numbers (the upstream's JSON), but every
 * computation here is on their decimal digits as written (`0.427` is 427 thousandths, not the
 * binary fraction nearest to it), in BigInt, and every result is a whole number of cents.
 *
 * Rounding is half up (half away from zero for negative amounts), once per invoice line: a line's
 * net amount is unit price × quantity rounded to cents; VAT is computed per rate on the summed
 * net amounts of that rate and rounded to cents; totals add cents.
 */

/** A decimal number: `digits / 10^scale`. */
interface Decimal {
  digits: bigint;
  scale: number;
}

const TEN = BigInt(10);
const pow10 = (exponent: number): bigint => TEN ** BigInt(exponent);

/** The decimal a number is written as (its shortest round-trip form). */
function decimalOf(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`not an amount: ${value}`);
  const [, sign, whole, fraction = "", exponentText = "0"] = match;
  const exponent = Number(exponentText);
  let digits = BigInt(`${whole}${fraction}`);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  return { digits: sign ? -digits : digits, scale };
}

/** A decimal rounded half up (away from zero) to `places` decimals, as digits at that scale. */
function roundTo({ digits, scale }: Decimal, places: number): bigint {
  if (scale <= places) return digits * pow10(places - scale);
  const divisor = pow10(scale - places);
  const negative = digits < BigInt(0);
  const magnitude = negative ? -digits : digits;
  let quotient = magnitude / divisor;
  if ((magnitude % divisor) * BigInt(2) >= divisor) quotient += BigInt(1);
  return negative ? -quotient : quotient;
}

const multiply = (a: Decimal, b: Decimal): Decimal => ({ digits: a.digits * b.digits, scale: a.scale + b.scale });

/** Whole cents, as a safe integer. */
function centsFromBig(value: bigint): number {
  const cents = Number(value);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`amount out of range: ${value} cents`);
  return cents;
}

/** An amount rounded half up to whole cents: `toCents(2.135)` is 214. */
export const toCents = (amount: number): number => centsFromBig(roundTo(decimalOf(amount), 2));

/** Cents as an amount in euros (exact for every safe number of cents up to 2^53 / 100 euros). */
export const fromCents = (cents: number): number => cents / 100;

/** An amount rounded half up to cents: `roundMoney(2.135)` is 2.14. */
export const roundMoney = (amount: number): number => fromCents(toCents(amount));

/** A line's net amount in cents: unit price × quantity, rounded half up once. */
export const lineCents = (unitPrice: number, quantity: number): number =>
  centsFromBig(roundTo(multiply(decimalOf(unitPrice), decimalOf(quantity)), 2));

/** VAT in cents on a net amount in cents at a rate in percent, rounded half up. */
export function vatCents(netCents: number, ratePercent: number): number {
  // cents × rate / 100: a decimal with two more places than the rate has.
  const rate = decimalOf(ratePercent);
  return centsFromBig(roundTo({ digits: BigInt(netCents) * rate.digits, scale: rate.scale + 2 }, 0));
}

/** A line's amounts in euros: net (unit price × quantity) and, at its rate, incl. VAT. */
export function lineAmounts(
  unitPrice: number,
  quantity: number,
  ratePercent: number | null,
): { exVat: number; vat: number | null; incVat: number | null } {
  const net = lineCents(unitPrice, quantity);
  if (ratePercent === null) return { exVat: fromCents(net), vat: null, incVat: null };
  const vat = vatCents(net, ratePercent);
  return { exVat: fromCents(net), vat: fromCents(vat), incVat: fromCents(net + vat) };
}

export interface RateTotal<R extends number | null> {
  vatRate: R;
  exVat: number;
  vat: R extends number ? number : number | null;
  incVat: R extends number ? number : number | null;
}

export interface MoneyTotals<R extends number | null> {
  /** Per VAT rate, highest rate first; a group of unknown rate (null) last. */
  byRate: RateTotal<R>[];
  exVat: number;
  /** null when some priced line has no VAT rate. */
  vat: number | null;
  incVat: number | null;
}

/**
 * Totals of priced lines (net amounts in euros, already rounded per line): the nets summed per
 * rate in cents, VAT per rate on that sum rounded half up, and the overall sums of those.
 */
export function totalsByRate<R extends number | null>(lines: readonly { exVat: number; vatRate: R }[]): MoneyTotals<R> {
  const net = new Map<R, number>();
  for (const line of lines) net.set(line.vatRate, (net.get(line.vatRate) ?? 0) + toCents(line.exVat));
  const groups = [...net.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([vatRate, cents]) => ({ vatRate, cents, vatCents: vatRate === null ? null : vatCents(cents, vatRate) }));
  const exCents = groups.reduce((sum, group) => sum + group.cents, 0);
  const unknownRate = groups.some((group) => group.vatCents === null);
  const vatTotal = unknownRate ? null : groups.reduce((sum, group) => sum + (group.vatCents ?? 0), 0);
  return {
    byRate: groups.map(
      (group) =>
        ({
          vatRate: group.vatRate,
          exVat: fromCents(group.cents),
          vat: group.vatCents === null ? null : fromCents(group.vatCents),
          incVat: group.vatCents === null ? null : fromCents(group.cents + group.vatCents),
        }) as RateTotal<R>,
    ),
    exVat: fromCents(exCents),
    vat: vatTotal === null ? null : fromCents(vatTotal),
    incVat: vatTotal === null ? null : fromCents(exCents + vatTotal),
  };
}
