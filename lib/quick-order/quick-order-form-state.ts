import type { QuickOrderOutcome, QuickOrderSource } from "./add-list";

/** What a quick-order form shows after a native post: the report of what went into the cart. */
export type QuickOrderFormState = null | {
  source: QuickOrderSource;
  outcome: QuickOrderOutcome | { kind: "invalid" };
  /** The typed rows, shown again when nothing could be read. */
  rows?: { identifier: string; quantity: string }[];
};
