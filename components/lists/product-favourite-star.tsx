import { headers } from "next/headers";

import { PATH_HEADER } from "@/lib/auth/path-header";
import { safeReturnPath } from "@/lib/auth/return-path";
import { requestFavouriteSkus } from "@/lib/favourites/marks";
import { personalParts } from "@/lib/http/personal-parts";

import { FavouriteStar } from "./favourite-star";

/**
 * The star of a product card or product page, rendered on the server: whether the product is a
 * favourite comes from one read of the customer's favourites per request (however many cards),
 * and the form returns to the page being shown.
 */
export async function ProductFavouriteStar({
  sku,
  title,
  compact = false,
}: {
  sku: string;
  title: string;
  compact?: boolean;
}) {
  const [favourites, requestHeaders, personal] = await Promise.all([
    requestFavouriteSkus(),
    headers(),
    personalParts(),
  ]);
  return (
    <>
      {personal.shape("favourite", `${sku}:${favourites.has(sku) ? 1 : 0}`)}
      <FavouriteStar
        sku={sku}
        title={title}
        favourite={favourites.has(sku)}
        returnTo={safeReturnPath(requestHeaders.get(PATH_HEADER))}
        compact={compact}
      />
    </>
  );
}
