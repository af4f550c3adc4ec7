import { useId } from "react";
import { useTranslations } from "next-intl";

import type { ProductSummary } from "@/lib/catalogue/types";

import { BoughtBeforeMark } from "@/components/purchases/bought-before-mark";

import { ProductCard } from "./product-card";

/**
 * A grid of product cards; `actionFor` adds the add-to-cart control of each. Its heading, for screen
 * readers, sits between the page's h1 and the cards' h3: the outline goes down one level at a time.
 */
export function ProductGrid({
  products,
  incVat,
  actionFor,
  bought,
}: {
  products: ProductSummary[];
  incVat: boolean;
  actionFor?: (product: ProductSummary) => React.ReactNode;
  /** The SKUs the customer ordered before (one query per page, lib/purchases): marked "Bought before". */
  bought?: ReadonlySet<string>;
}) {
  const t = useTranslations("catalogue");
  const heading = useId();
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading} className="sr-only">
        {t("productsHeading")}
      </h2>
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4">
        {products.map((product, index) => (
          <li key={product.sku}>
            <ProductCard
              product={product}
              incVat={incVat}
              priority={index < 4}
              action={actionFor?.(product)}
              mark={bought?.has(product.sku) ? <BoughtBeforeMark /> : null}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ProductGridSkeleton({ count = 8 }: { count?: number }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <li key={index}>
          <ProductCard.Skeleton />
        </li>
      ))}
    </ul>
  );
}
