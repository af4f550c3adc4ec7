/** EAN-13 barcodes with a correct check digit. */

export function ean13CheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, got "${first12}"`);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isValidEan13(code: string): boolean {
  return /^\d{13}$/.test(code) && ean13CheckDigit(code.slice(0, 12)) === Number(code[12]);
}

/** GS1 prefixes of the countries the wholesaler buys from, plus in-store "20". */
const PREFIXES = ["871", "872", "870", "400", "401", "405", "426", "540", "541", "800", "803", "690", "200"] as const;

/**
 * The barcode of catalogue item `index`: a prefix picked by `prefixRoll`, then 9
 * digits that are a bijection of the index (an odd multiplier coprime with
 * 10^9), so two items never share a barcode whatever their prefixes.
 */
export function ean13ForIndex(index: number, prefixRoll: number): string {
  const prefix = PREFIXES[prefixRoll % PREFIXES.length] as string;
  const body = (BigInt(index) * 387_420_489n + 104_729n) % 1_000_000_000n;
  const first12 = prefix + body.toString().padStart(9, "0");
  return first12 + String(ean13CheckDigit(first12));
}
