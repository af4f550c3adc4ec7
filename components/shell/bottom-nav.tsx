import { getTranslations } from "next-intl/server";

import { NavLink } from "./nav-link";
import { NAV_ITEMS, type NavKey } from "./nav-items";

const ICONS: Record<NavKey, string> = {
  catalogue: "M4 6h16M4 12h16M4 18h10",
  search: "M11 4a7 7 0 1 0 4.9 12l4.1 4.1M11 4a7 7 0 0 1 4.9 12",
  scan: "M4 7V4h3M17 4h3v3M20 17v3h-3M7 20H4v-3M7 8v8M10 8v8M13 8v8M16 8v8",
  quickOrder: "M5 5h14v14H5z",
  orders: "M6 3h9l3 3v15H6zM9 9h6M9 13h6M9 17h4",
  cart: "M3 4h2l2 11h11l2-8H6M9 20a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM17 20a1 1 0 1 0 0-2 1 1 0 0 0 0 2z",
};

/** The phone's bottom bar: Catalogue, Search, Scan, Cart with count, Orders. */
export async function BottomNav({ cartCount }: { cartCount: number }) {
  const t = await getTranslations("nav");
  const order: NavKey[] = ["catalogue", "search", "scan", "cart", "orders"];
  const items = order.map((key) => NAV_ITEMS.find((item) => item.key === key)!);
  return (
    <nav
      aria-label={t("main")}
      className="no-print fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      <ul className="grid grid-cols-5">
        {items.map((item) => (
          <li key={item.href}>
            <NavLink
              href={item.href}
              className="relative flex min-h-14 flex-col items-center justify-center gap-0.5 text-xs font-medium text-slate-600 aria-[current=page]:text-brand-700"
            >
              <svg
                aria-hidden="true"
                viewBox="0 0 24 24"
                className="h-6 w-6"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d={ICONS[item.key]} />
              </svg>
              {item.key === "cart" ? (
                <>
                  <span aria-hidden="true">{t("cart")}</span>
                  <span className="sr-only">{t("cartWithCount", { count: cartCount })}</span>
                  {cartCount > 0 ? (
                    <span
                      aria-hidden="true"
                      className="absolute top-1 right-[calc(50%-1.5rem)] rounded-full bg-brand-600 px-1.5 text-[0.7rem] text-white"
                    >
                      {cartCount}
                    </span>
                  ) : null}
                </>
              ) : (
                t(item.key)
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
