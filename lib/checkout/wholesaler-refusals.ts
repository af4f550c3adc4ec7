import type { CheckoutField } from "./schema";
import { FIELD_OF } from "./upstream-errors";

/**
 * The wholesaler refuses an order in Laravel's validation sentences, in English ("The reference
 * field is required.", "The product 0100544 is blocked and cannot be ordered."). Those of a known
 * form are said in the dealer's language by our own words (checkout.errors.wholesaler.*), where the
 * place they are shown says what they are about; any other sentence is shown as the wholesaler wrote
 * it, labelled as its message. Pure: the checkout form reads refusals on the client as the server does.
 */

type Key =
  | "required"
  | "invalid"
  | "notText"
  | "number"
  | "wholeNumber"
  | "blocked"
  | "notDropshippable"
  | "unknownProduct"
  | "dataInvalid";

export type WholesalerRefusal = (
  | { key: Key }
  | { key: "tooLong"; values: { max: number } }
  | { key: "atLeast"; values: { min: number } }
  | { key: "multipleOf"; values: { amount: number } }
) & {
  /** The Laravel attribute the sentence names (`reference`, `products.0.amount`), when it names one. */
  attribute?: string;
};

/** A Laravel attribute as the sentences name it: `reference`, `products.0.amount`, `shipping.address.postcode`. */
const ATTRIBUTE = String.raw`([A-Za-z_]\w*(?:\.\w+)*)`;
const SKU = String.raw`\S+`;

const of = (source: string) => new RegExp(`^${source}$`);

const FORMS: [RegExp, (match: RegExpExecArray) => WholesalerRefusal][] = [
  [of(`The ${ATTRIBUTE} field is required\\.`), (m) => ({ key: "required", attribute: m[1] })],
  [
    of(`The ${ATTRIBUTE} (?:field )?(?:may|must) not be greater than (\\d+) characters\\.`),
    (m) => ({ key: "tooLong", values: { max: Number(m[2]) }, attribute: m[1] }),
  ],
  [of(`The selected (products\\.\\d+\\.sku) is invalid\\.`), (m) => ({ key: "unknownProduct", attribute: m[1] })],
  [of(`The selected ${ATTRIBUTE} is invalid\\.`), (m) => ({ key: "invalid", attribute: m[1] })],
  [of(`The ${ATTRIBUTE} (?:field )?(?:format )?is invalid\\.`), (m) => ({ key: "invalid", attribute: m[1] })],
  [of(`The ${ATTRIBUTE} (?:field )?must be \\d+ characters\\.`), (m) => ({ key: "invalid", attribute: m[1] })],
  [
    of(`The ${ATTRIBUTE} (?:field )?must be (?:a string|an array|true or false)\\.`),
    (m) => ({ key: "notText", attribute: m[1] }),
  ],
  [of(`The ${ATTRIBUTE} (?:field )?must be an integer\\.`), (m) => ({ key: "wholeNumber", attribute: m[1] })],
  [of(`The ${ATTRIBUTE} (?:field )?must be a number\\.`), (m) => ({ key: "number", attribute: m[1] })],
  [
    of(`The ${ATTRIBUTE} (?:field )?must be at least (\\d+)\\.`),
    (m) => ({ key: "atLeast", values: { min: Number(m[2]) }, attribute: m[1] }),
  ],
  [
    of(`The ${ATTRIBUTE} (?:field )?must be a multiple of (\\d+)\\.`),
    (m) => ({ key: "multipleOf", values: { amount: Number(m[2]) }, attribute: m[1] }),
  ],
  [of(`The product ${SKU} is blocked and cannot be ordered\\.`), () => ({ key: "blocked" })],
  [of(`The product ${SKU} cannot be drop-shipped\\.`), () => ({ key: "notDropshippable" })],
  [of(`The given data was invalid\\.`), () => ({ key: "dataInvalid" })],
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

/** Where refusals are shown: on one field of the form, on a cart line, or for the whole order. */
export type RefusalPlace = { field: CheckoutField } | "line" | "order";

/** Whether our words for `refusal` say enough at `place`: it is about that field, that line, or (summary) the order. */
function saysEnoughAt(refusal: WholesalerRefusal, place: RefusalPlace): boolean {
  if (place === "order") return refusal.key === "dataInvalid";
  if (place === "line") {
    return (
      refusal.key === "blocked" ||
      refusal.key === "notDropshippable" ||
      /^products\.\d+\./.test(refusal.attribute ?? "")
    );
  }
  return refusal.attribute !== undefined && FIELD_OF[refusal.attribute] === place.field;
}

/**
 * The wholesaler's sentences for one place (one per line of `text`, as lib/checkout/upstream-errors.ts
 * joins them), each as a refusal our words say, or as the sentence itself where they would not say
 * what it is about (an attribute of another field, a sentence of another form).
 */
export function refusalsAt(text: string, place: RefusalPlace): (WholesalerRefusal | { sentence: string })[] {
  return text
    .split("\n")
    .map((sentence) => sentence.trim())
    .filter(Boolean)
    .map((sentence) => {
      const refusal = wholesalerRefusal(sentence);
      return refusal && saysEnoughAt(refusal, place) ? refusal : { sentence };
    });
}
