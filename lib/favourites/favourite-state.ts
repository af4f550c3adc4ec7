/** What the favourite star says after a post: whether the product is a favourite now, and in words why. */
export interface FavouriteState {
  favourite: boolean;
  message: "" | "added" | "removed" | "unknown-product" | "limit" | "invalid";
}
