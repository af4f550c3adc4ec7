/** The portal's main destinations, shared by the header and the phone's bottom bar. */
export const NAV_ITEMS = [
  { href: "/catalogue", key: "catalogue", bottom: true },
  { href: "/search", key: "search", bottom: true, phoneOnly: true },
  { href: "/scan", key: "scan", bottom: true, phoneOnly: true },
  { href: "/quick-order", key: "quickOrder", bottom: false },
  { href: "/orders", key: "orders", bottom: true },
  { href: "/cart", key: "cart", bottom: true },
] as const;

export type NavKey = (typeof NAV_ITEMS)[number]["key"];

export function isActive(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
