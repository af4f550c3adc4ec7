/**
 * The wholesaler refuses an order in Laravel's validation sentences, in English ("The reference
 * field is required.", "The product 0100544 is blocked and cannot be ordered."). Those of a known
 * form are said in the dealer's language by our own words (checkout.errors.wholesaler.*); any other
 * sentence is shown as the wholesaler wrote it, labelled as its message. Pure: the checkout form
 * reads a refusal on the client as the server page does.
 */

export type WholesalerRefusal =
  | { key: "required" | "invalid" | "notText" | "wholeNumber" | "blocked" | "notDropshippable" | "unknownProduct" }
  | { key: "tooLong"; values: { max: number } }
  | { key: "atLeast"; values: { min: number } }
  | { key: "multipleOf"; values: { amount: number } }
  | { key: "dataInvalid" };

/** A Laravel attribute as the sentences name it: `reference`, `products.0.amount`, `shipping.address.postcode`. */
const ATTRIBUTE = String.raw`[A-Za-z_][\w]*(?:\.[\w]+)*`;
const SKU = String.raw`\S+`;

const FORMS: [RegExp, (match: RegExpExecArray) => WholesalerRefusal][] = [
  [new RegExp(`^The ${ATTRIBUTE} field is required\\.$`), () => ({ key: "required" })],
  [
    new RegExp(`^The ${ATTRIBUTE} (?:field )?(?:may|must) not be greater than (\\d+) characters\\.$`),
    (match) => ({ key: "tooLong", values: { max: Number(match[1]) } }),
  ],
  [/^The selected products\.\d+\.sku is invalid\.$/, () => ({ key: "unknownProduct" })],
  [new RegExp(`^The selected ${ATTRIBUTE} is invalid\\.$`), () => ({ key: "invalid" })],
  [new RegExp(`^The ${ATTRIBUTE} (?:field )?(?:format )?is invalid\\.$`), () => ({ key: "invalid" })],
  [new RegExp(`^The ${ATTRIBUTE} (?:field )?must be \\d+ characters\\.$`), () => ({ key: "invalid" })],
  [
    new RegExp(`^The ${ATTRIBUTE} (?:field )?must be (?:a string|an array|true or false)\\.$`),
    () => ({ key: "notText" }),
  ],
  [new RegExp(`^The ${ATTRIBUTE} (?:field )?must be (?:an integer|a number)\\.$`), () => ({ key: "wholeNumber" })],
  [
    new RegExp(`^The ${ATTRIBUTE} (?:field )?must be at least (\\d+)\\.$`),
    (match) => ({ key: "atLeast", values: { min: Number(match[1]) } }),
  ],
  [
    new RegExp(`^The ${ATTRIBUTE} (?:field )?must be a multiple of (\\d+)\\.$`),
    (match) => ({ key: "multipleOf", values: { amount: Number(match[1]) } }),
  ],
  [new RegExp(`^The product ${SKU} is blocked and cannot be ordered\\.$`), () => ({ key: "blocked" })],
  [new RegExp(`^The product ${SKU} cannot be drop-shipped\\.$`), () => ({ key: "notDropshippable" })],
  [new RegExp(`^The given data was invalid\\.$`), () => ({ key: "dataInvalid" })],
];

/** The refusal a wholesaler's sentence states, when it is of a known form; null otherwise. */
export function wholesalerRefusal(sentence: string): WholesalerRefusal | null {
  const text = sentence.trim();
  for (const [form, read] of FORMS) {
    const match = form.exec(text);
    if (match) return read(match);
  }
  return null;
}
