import { useUnitName } from "@/lib/i18n/use-unit-name";

import { AddToCart } from "./add-to-cart";

/**
 * The product page's "Add to cart" (and the favourites page's): AddToCart with the sales unit's
 * name translated here, on the server, so that the unit vocabulary is not sent to the browser.
 */
export function ProductAddToCart({
  salesUnit,
  ...props
}: {
  sku: string;
  title: string;
  salesUnit: string;
  salesUnitAmount: number;
  blocked: boolean;
}) {
  const unitName = useUnitName();
  return <AddToCart {...props} unit={{ one: unitName(salesUnit), many: unitName(salesUnit, 2) }} />;
}
