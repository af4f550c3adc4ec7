/**
 * The checkout's limits, without the schema: the form shows them as the dealer types, and the
 * browser loads the schema (and zod) only when the form is first checked (tests/browser-imports.test.ts).
 */

/** The most characters the wholesaler takes in an order reference. */
export const REFERENCE_MAX = 50;
