import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces client components translate: only these are sent to the browser with
 * every page (all of them would add 25 kB to each). A test walks the client components and fails
 * when one translates a namespace missing here.
 */
export const CLIENT_NAMESPACES = [
  "acting",
  "addressBook",
  "cart",
  "catalogue",
  "checkout",
  "errors",
  "favourites",
  "lists",
  "nav",
  "orderStatus",
  "orders.detail",
  "orders.reorder",
  "product",
  "quickOrder",
  "scan",
  "search",
  "searchBox",
  "signIn",
  "units",
] as const;

/** The part of a language's messages the browser needs. */
export function clientMessages<T extends AbstractIntlMessages>(messages: T): AbstractIntlMessages {
  const sent: AbstractIntlMessages = {};
  for (const namespace of CLIENT_NAMESPACES as readonly string[]) {
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
