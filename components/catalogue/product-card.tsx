import { QuickAddToCart } from "@/components/cart/quick-add-to-cart";
import { Link } from "@/components/link";
import { ProductAddToList } from "@/components/lists/product-add-to-list";
import { ProductFavouriteStar } from "@/components/lists/product-favourite-star";
import { Skeleton } from "@/components/ui/skeleton";
import type { ProductSummary } from "@/lib/catalogue/types";
import { productDisplayName } from "@/lib/domain/product";

import { ProductImage } from "./product-image";
import { ProductPrice, SalesUnitText } from "./product-price";
import { StockBadge } from "./stock-badge";

/** A product in a list: image, name, SKU, price, sales unit and stock. `action` is the add-to-cart slot. */
export function ProductCard({
  product,
  incVat,
  action,
  priority = false,
  mark = null,
}: {
  product: ProductSummary;
  incVat: boolean;
  action?: React.ReactNode;
  priority?: boolean;
  /** A mark under the codes, e.g. "Bought before" (components/purchases). */
  mark?: React.ReactNode;
}) {
  const name = productDisplayName(product);
  return (
    <article
      className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
      aria-label={name}
    >
      <Link href={`/products/${encodeURIComponent(product.sku)}`} className="group block">
        {/* At most about 320 px wide (three columns from 640 px): a 1x and a 2x picture, not the whole width list. */}
        <ProductImage media={product.image} alt="" size={320} priority={priority} />
        <h3 className="mt-2 line-clamp-2 min-h-10 text-sm font-semibold text-slate-900 group-hover:text-brand-700 group-hover:underline">
          {name}
        </h3>
      </Link>
      <p className="mt-1 text-xs text-slate-600">
        <span className="font-mono">{product.sku}</span>
        {product.vendorItemNo && product.title ? <span> · {product.vendorItemNo}</span> : null}
      </p>
      {mark}
      {/*
        Not pushed to the card's bottom (mt-auto): a phone paints the grid before all of it has arrived,
        and a price held to the bottom would move up as the card's last controls came in below it.
      */}
      <div className="space-y-2 pt-3">
        <ProductPrice product={product} incVat={incVat} />
        <p className="text-xs text-slate-700">
          <SalesUnitText salesUnit={product.salesUnit} amount={product.salesUnitAmount} />
        </p>
        {/*
          The star's column and the row's height are there before the star is: the badge (its words may take
          two lines) stays put when the star comes in beside it.
        */}
        <div className="grid min-h-touch grid-cols-[minmax(0,1fr)_2.75rem] items-center justify-items-start gap-2">
          <StockBadge colour={product.stockColour} />
          <ProductFavouriteStar sku={product.sku} title={name} compact />
        </div>
        {action ?? (
          <QuickAddToCart
            sku={product.sku}
            title={name}
            salesUnitAmount={product.salesUnitAmount}
            blocked={product.blocked}
          />
        )}
        {product.available ? (
          <ProductAddToList sku={product.sku} title={name} quantity={product.salesUnitAmount} />
        ) : null}
      </div>
    </article>
  );
}

ProductCard.Skeleton = function ProductCardSkeleton() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3">
      <Skeleton className="aspect-square w-full" />
      <Skeleton className="mt-2 h-4 w-3/4" />
      <Skeleton className="mt-2 h-3 w-1/2" />
      <Skeleton className="mt-4 h-5 w-1/3" />
    </div>
  );
};
