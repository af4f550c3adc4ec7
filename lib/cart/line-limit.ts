/**
 * The cart's limits that browser code needs: a module of their own, so that a form that only says a
 * limit does not bring the code that applies it (the list parser and its CSV library) to the page.
 */

/** The most of one product a cart line holds, in price units (the browser's add-to-cart needs only this). */
export const MAX_LINE_QUANTITY = 100_000;

/** The most lines one pasted, uploaded or posted list is read for; the rest is said to be too many. */
export const MAX_LIST_LINES = 5_000;
