/** The most of one product a cart line holds, in price units (its own module: the browser's add-to-cart needs only this). */
export const MAX_LINE_QUANTITY = 100_000;
