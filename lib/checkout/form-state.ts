import type { OrderedAs, PlaceOrderResult } from "./place-order";
import { ADDRESS_FIELDS, COUNTRIES, EMPTY_DROPSHIP } from "./delivery-address";
import type { CheckoutField, CheckoutInput } from "./schema";

/**
 * What the checkout form shows after a step: which step, what was typed, the messages. The same
 * shape answers a native post (the server action renders it into the page, without JavaScript)
 * and a call from the hydrated form, so each outcome is said one way.
 * Field messages are keys of "checkout.errors", or `upstream:<text>` for the wholesaler's own words.
 */

export type CheckoutProblemKey =
  | "formInvalid"
  | "rejected"
  | "notSent"
  | "rateLimited"
  | "unknown"
  | "inProgress"
  | "emptyCart"
  | "cartNotOrderable"
  | "testNotAllowed"
  | "alreadyOrdered";

export interface CheckoutProblem {
  tone: "error" | "warning";
  key: CheckoutProblemKey;
  details?: string[];
  /** The order that holds the cart (alreadyOrdered): named and linked, beside the new, empty cart. */
  order?: OrderedAs;
}

export interface CheckoutFormState {
  /** "ordered": the cart was ordered already; neither form is shown again, only what became of it. */
  step: "details" | "review" | "ordered";
  /** What was typed; null until the first post. */
  values: CheckoutInput | null;
  /** The attempt the next "Place order" sends under; null: the one the page was rendered with. */
  attemptId: string | null;
  fields: Partial<Record<CheckoutField, string>>;
  /** The wholesaler's words per SKU. */
  lines: Record<string, string>;
  problem: CheckoutProblem | null;
}

export const INITIAL_CHECKOUT_STATE: CheckoutFormState = {
  step: "details",
  values: null,
  attemptId: null,
  fields: {},
  lines: {},
  problem: null,
};

const TEXT_FIELDS = [
  "attemptId",
  "reference",
  "notes",
  ...ADDRESS_FIELDS.filter((field) => field !== "country"),
  "deliveryNote",
] as const;

/**
 * The fields of a posted checkout form as the schema's input (not yet checked): text as posted
 * (a file or a missing field is ""), the checkbox as a boolean, delivery and country as posted.
 */
export function checkoutValuesOf(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) values[field] = text(field);
  values.test = form.get("test") !== null && text("test") !== "false";
  values.saveAddress = form.get("saveAddress") !== null && text("saveAddress") !== "false";
  values.delivery = text("delivery") || "own";
  values.country = text("country") || EMPTY_DROPSHIP.country;
  return values;
}

/** What was typed, kept to show again (never trusted: shown as text, sent only after the schema). */
export function keptValues(raw: Record<string, unknown>): CheckoutInput {
  const text = (name: string, max = 1000) => (typeof raw[name] === "string" ? (raw[name] as string).slice(0, max) : "");
  const country = COUNTRIES.find((code) => code === raw.country) ?? EMPTY_DROPSHIP.country;
  return {
    attemptId: text("attemptId", 12),
    reference: text("reference", 200),
    notes: text("notes", 2000),
    test: raw.test === true,
    delivery: raw.delivery === "dropship" ? "dropship" : "own",
    firstName: text("firstName", 200),
    lastName: text("lastName", 200),
    company: text("company", 200),
    vatNumber: text("vatNumber", 200),
    phone: text("phone", 200),
    street: text("street", 200),
    houseNumber: text("houseNumber", 200),
    houseNumberExtension: text("houseNumberExtension", 200),
    postcode: text("postcode", 200),
    city: text("city", 200),
    country,
    deliveryNote: text("deliveryNote", 1000),
    saveAddress: raw.saveAddress === true,
  };
}

/** The form after a refused check: the details again, each field with its message, nothing lost. */
export function invalidState(values: CheckoutInput, fields: Partial<Record<CheckoutField, string>>): CheckoutFormState {
  return {
    step: "details",
    values,
    attemptId: values.attemptId || null,
    fields,
    lines: {},
    problem: { tone: "error", key: "formInvalid" },
  };
}

/**
 * The form after "Place order" did not end in a placed order (a placed one goes to its
 * confirmation): which step to show, which attempt the next try sends under, and what to say.
 */
export function stateAfterPlacing(
  values: CheckoutInput,
  result: Exclude<PlaceOrderResult, { kind: "placed" }>,
): CheckoutFormState {
  const base: CheckoutFormState = {
    step: "review",
    values,
    attemptId: values.attemptId,
    fields: {},
    lines: {},
    problem: null,
  };
  switch (result.kind) {
    case "invalid":
      return invalidState(values, result.fields);
    case "rejected": {
      const fields: Partial<Record<CheckoutField, string>> = {};
      for (const [field, message] of Object.entries(result.fields))
        fields[field as CheckoutField] = `upstream:${message}`;
      return {
        ...base,
        step: Object.keys(result.fields).length ? "details" : "review",
        values: { ...values, attemptId: result.nextAttemptId },
        attemptId: result.nextAttemptId,
        fields,
        lines: result.lines,
        problem: { tone: "error", key: "rejected", details: result.general },
      };
    }
    case "not-sent":
      return {
        ...base,
        problem: { tone: "error", key: result.reason === "rate_limited" ? "rateLimited" : "notSent" },
      };
    case "unknown":
      return { ...base, problem: { tone: "warning", key: "unknown" } };
    case "in-progress":
      return { ...base, problem: { tone: "warning", key: "inProgress" } };
    case "empty-cart":
      return { ...base, problem: { tone: "error", key: "emptyCart" } };
    case "cart-not-orderable":
      return { ...base, problem: { tone: "error", key: "cartNotOrderable" } };
    case "test-not-allowed":
      return { ...base, problem: { tone: "error", key: "testNotAllowed" } };
    case "already-ordered":
      return { ...base, step: "ordered", problem: { tone: "warning", key: "alreadyOrdered", order: result.order } };
  }
}
