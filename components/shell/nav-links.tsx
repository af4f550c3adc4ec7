"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

import { isActive, NAV_ITEMS } from "./nav-items";

/** Header navigation on wide screens. */
export function NavLinks({ cartCount, showAdmin }: { cartCount: number; showAdmin: boolean }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  const items = NAV_ITEMS.filter((item) => !("phoneOnly" in item && item.phoneOnly));
  return (
    <nav aria-label={t("main")} className="hidden md:block">
      <ul className="flex items-center gap-1">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isActive(pathname, item.href) ? "page" : undefined}
              className="flex min-h-touch items-center rounded-md px-3 text-sm font-semibold text-white/90 hover:bg-white/10 aria-[current=page]:bg-white/15 aria-[current=page]:text-white"
            >
              {item.key === "cart" ? (
                <>
                  <span aria-hidden="true">{t("cart")}</span>
                  <span className="sr-only">{t("cartWithCount", { count: cartCount })}</span>
                  {cartCount > 0 ? (
                    <span aria-hidden="true" className="ml-1 rounded-full bg-white px-2 text-xs text-brand-700">
                      {cartCount}
                    </span>
                  ) : null}
                </>
              ) : (
                t(item.key)
              )}
            </Link>
          </li>
        ))}
        {showAdmin ? (
          <li>
            <Link
              href="/admin"
              aria-current={isActive(pathname, "/admin") ? "page" : undefined}
              className="flex min-h-touch items-center rounded-md px-3 text-sm font-semibold text-white/90 hover:bg-white/10 aria-[current=page]:bg-white/15"
            >
              {t("admin")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
