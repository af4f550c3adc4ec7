/**
 * The portal's main destinations, shared by the header and the phone's bottom bar.
 * The phone's bar holds the four of PHONE_BAR and "More"; every other entry (and Admin for staff)
 * goes under "More" by itself: add an entry here (and its `nav.<key>` message) and both navigations
 * show it. `phoneOnly` entries are left out of the wide header (it has its own search box).
 */
export const NAV_ITEMS = [
  { href: "/catalogue", key: "catalogue" },
  { href: "/search", key: "search", phoneOnly: true },
  { href: "/scan", key: "scan", phoneOnly: true },
  { href: "/quick-order", key: "quickOrder" },
  { href: "/orders", key: "orders" },
  { href: "/favourites", key: "favourites" },
  { href: "/lists", key: "lists" },
  { href: "/buy-again", key: "buyAgain" },
  { href: "/cart", key: "cart" },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

/** The phone's bottom bar, in this order, before "More": at most four, so the bar keeps five cells. */
export const PHONE_BAR = ["catalogue", "scan", "cart", "orders"] as const satisfies readonly NavKey[];

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
