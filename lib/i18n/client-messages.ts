import type { AbstractIntlMessages } from "next-intl";

/**
 * Which message namespaces the browser gets: what client components translate, and only on the
 * pages that show them (all of them would add 32 kB to every page's HTML). The shell's are sent
 * with every page (the root layout); a feature's come with its route segment's layout
 * (components/i18n/feature-messages.tsx), which provides the shell's and the feature's together.
 * A test walks every route's imports and fails when a client component it reaches translates a
 * namespace its route does not send. Staff's own parts of the shell (the customer switcher, the
 * banner while acting for a customer) get theirs from a provider around them alone
 * (components/acting/shell-parts.tsx), so a dealer's pages do not carry them.
 */
export const SHELL_NAMESPACES = [
  "cartCount",
  "errors",
  // The search box's suggestions: their prices, stock and count (components/shell/search-box.tsx).
  "product.listPrice",
  "product.priceOnDemand",
  "product.stock",
  "scan.offline",
  "search.suggestions",
  "search.suggestionsCount",
  "searchBox",
] as const;

const PRODUCT_CONTROLS = ["cart", "catalogue", "favourites", "lists.addTo", "lists.errors"];

/** Per feature (a route segment's layout names one), the namespaces its client components translate. */
export const FEATURE_NAMESPACES = {
  /** Staff acting for a customer: the switcher, the banner and the customer search page. */
  acting: ["acting"],
  /** Product cards and the product page: add to cart, the favourite star, add to a list. */
  products: PRODUCT_CONTROLS,
  scan: [...PRODUCT_CONTROLS, "product", "scan", "units"],
  cart: ["cart", "lists.detail.saved", "lists.errors", "lists.saveAs"],
  checkout: ["addressBook.checkout", "cart", "checkout"],
  addressBook: ["addressBook", "checkout"],
  lists: ["lists.create", "lists.detail", "lists.errors", "quickOrder", "units"],
  orders: ["lists.detail.saved", "lists.errors", "lists.saveAs", "orderStatus", "orders.detail", "orders.reorder"],
  quickOrder: ["quickOrder", "units"],
  signIn: ["signIn"],
} as const satisfies Record<string, readonly string[]>;

export type MessageFeature = keyof typeof FEATURE_NAMESPACES;

/** The namespaces sent to the browser with a page of this feature (or the shell's alone). */
export function sentNamespaces(feature?: MessageFeature): readonly string[] {
  return feature ? [...SHELL_NAMESPACES, ...FEATURE_NAMESPACES[feature]] : SHELL_NAMESPACES;
}

/** The part of a language's messages under these namespaces ("lists.addTo" keeps only that part of "lists"). */
export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  const sent: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const keys = namespace.split(".");
    let source: unknown = messages;
    for (const key of keys) source = (source as AbstractIntlMessages | undefined)?.[key];
    if (source === undefined) continue;
    let target = sent;
    for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as AbstractIntlMessages;
    target[keys.at(-1)!] = source as AbstractIntlMessages;
  }
  return sent;
}

/** The messages the browser needs for a page of this feature (or the shell's alone). */
export function clientMessages(messages: AbstractIntlMessages, feature?: MessageFeature): AbstractIntlMessages {
  return pickMessages(messages, sentNamespaces(feature));
}
