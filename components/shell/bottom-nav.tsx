import { getTranslations } from "next-intl/server";

import { CartCount } from "./cart-count";
import { MoreMenu } from "./more-menu";
import { NavLink } from "./nav-link";
import { NAV_ITEMS, PHONE_BAR } from "./nav-items";

type BarKey = (typeof PHONE_BAR)[number];

const ICONS: Record<BarKey | "more", string> = {
  catalogue: "M4 6h16M4 12h16M4 18h10",
  scan: "M4 7V4h3M17 4h3v3M20 17v3h-3M7 20H4v-3M7 8v8M10 8v8M13 8v8M16 8v8",
  orders: "M6 3h9l3 3v15H6zM9 9h6M9 13h6M9 17h4",
  cart: "M3 4h2l2 11h11l2-8H6M9 20a1 1 0 1 0 0-2 1 1 0 0 0 0 2zM17 20a1 1 0 1 0 0-2 1 1 0 0 0 0 2z",
  more: "M5 12h.01M12 12h.01M19 12h.01",
};

function Icon({ name }: { name: BarKey | "more" }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="h-6 w-6"
      fill="none"
      stroke="currentColor"
      strokeWidth={name === "more" ? 3 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}

/**
 * The current page's cell is marked by a bar along its top edge as well as by its colour: a shape,
 * not colour alone, says where the dealer is (WCAG 1.4.1). Screen readers hear aria-current.
 */
const CURRENT =
  "aria-[current=page]:before:absolute aria-[current=page]:before:inset-x-3 aria-[current=page]:before:top-0 aria-[current=page]:before:h-[3px] aria-[current=page]:before:rounded-b aria-[current=page]:before:bg-brand-600";

/** A label that fits its fifth of a 360 px bar in both languages (measured by e2e/phones.spec.ts). */
const LABEL =
  "block max-w-full overflow-hidden text-[0.6875rem] leading-tight font-medium tracking-tight whitespace-nowrap";

/**
 * The phone's bottom bar: Catalogue, Scan, Cart with count, Orders, and "More" with every other
 * destination (Search, Quick order, whatever nav-items.ts gains, Admin for staff). Five cells at most.
 */
export async function BottomNav({ showAdmin = false }: { showAdmin?: boolean }) {
  const t = await getTranslations("nav");
  const bar = PHONE_BAR.map((key) => ({ key, href: NAV_ITEMS.find((item) => item.key === key)!.href }));
  const more: { href: string; label: string }[] = [
    ...NAV_ITEMS.filter((item) => !(PHONE_BAR as readonly string[]).includes(item.key)).map((item) => ({
      href: item.href,
      label: t(item.key),
    })),
    ...(showAdmin ? [{ href: "/admin", label: t("admin") }] : []),
  ];
  return (
    <nav
      aria-label={t("main")}
      className="no-print fixed inset-x-0 bottom-0 z-30 border-t border-slate-200 bg-white pb-[env(safe-area-inset-bottom)] md:hidden"
    >
      <ul className="grid grid-cols-5">
        {bar.map((item) => (
          <li key={item.href} className="min-w-0">
            <NavLink
              href={item.href}
              className={`relative flex min-h-14 flex-col items-center justify-center gap-0.5 px-0.5 text-slate-600 aria-[current=page]:text-brand-700 ${CURRENT}`}
            >
              <Icon name={item.key} />
              {item.key === "cart" ? (
                <>
                  <span aria-hidden="true" className={LABEL}>
                    {t("cart")}
                  </span>
                  <CartCount
                    badgeTestId="bottom-cart-count"
                    badgeClassName="absolute top-1 right-[calc(50%-1.5rem)] rounded-full bg-brand-600 px-1.5 text-[0.7rem] text-white"
                  />
                </>
              ) : (
                <span className={LABEL}>{t(item.key)}</span>
              )}
            </NavLink>
          </li>
        ))}
        <li className="min-w-0">
          <MoreMenu label={t("more")} icon={<Icon name="more" />} hrefs={more.map((item) => item.href)}>
            {more.map((item) => (
              <li key={item.href}>
                <NavLink
                  href={item.href}
                  className="flex min-h-touch items-center px-4 text-base text-slate-800 hover:bg-slate-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-700"
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </MoreMenu>
        </li>
      </ul>
    </nav>
  );
}
