import type { ProductSummary } from "@/lib/catalogue/types";

import { BoughtBeforeMark } from "@/components/purchases/bought-before-mark";

import { ProductCard } from "./product-card";

/** A grid of product cards; `actionFor` adds the add-to-cart control of each. */
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
  return (
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
