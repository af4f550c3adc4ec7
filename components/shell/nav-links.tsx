import { getTranslations } from "next-intl/server";

import { CartCount } from "./cart-count";
import { NavLink } from "./nav-link";
import { NAV_ITEMS } from "./nav-items";

const LINK =
  "flex min-h-touch items-center rounded-md px-2 text-sm font-semibold whitespace-nowrap lg:px-3 text-white/90 hover:bg-white/10 aria-[current=page]:bg-white/15 aria-[current=page]:text-white aria-[current=page]:underline aria-[current=page]:decoration-2 aria-[current=page]:underline-offset-4";

/** Header navigation on wide screens: the header's second row, its links wrapping to another line rather than their words. */
export async function NavLinks({ showAdmin }: { showAdmin: boolean }) {
  const t = await getTranslations("nav");
  const items = NAV_ITEMS.filter((item) => !("phoneOnly" in item && item.phoneOnly));
  return (
    <nav aria-label={t("main")} className="hidden w-full md:block">
      <ul className="flex flex-wrap items-center lg:gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <NavLink href={item.href} className={LINK}>
              {item.key === "cart" ? (
                <>
                  <span aria-hidden="true">{t("cart")}</span>
                  <CartCount badgeClassName="ml-1 rounded-full bg-white px-2 text-xs text-brand-700" />
                </>
              ) : (
                t(item.key)
              )}
            </NavLink>
          </li>
        ))}
        {showAdmin ? (
          <li>
            <NavLink href="/admin" className={LINK}>
              {t("admin")}
            </NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
