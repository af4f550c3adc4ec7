"use client";

import { useTranslations } from "next-intl";

import { useCartCount } from "@/components/cart/cart-context";

/**
 * The cart's line count inside the navigation's cart link: in words to a screen reader ("Cart,
 * 3 lines"), a badge to the eye. It follows "Add to cart" on the page without the page being
 * rendered again (components/cart/cart-context.tsx).
 */
export function CartCount({ badgeClassName, badgeTestId }: { badgeClassName: string; badgeTestId?: string }) {
  const t = useTranslations("cartCount");
  const { count } = useCartCount();
  return (
    <>
      <span className="sr-only">{t("said", { count })}</span>
      {count > 0 ? (
        <span aria-hidden="true" data-testid={badgeTestId} className={badgeClassName}>
          {count}
        </span>
      ) : null}
    </>
  );
}
