/** The limits of the dealer's named lists, said plainly when reached. */
export const MAX_LISTS_PER_CUSTOMER = 200;
export const MAX_LINES_PER_LIST = 1_000;
export const MAX_LIST_NAME = 100;
