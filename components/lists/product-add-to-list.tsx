import { requestListChoices } from "@/lib/lists/request-lists";

import { AddToListForm } from "./add-to-list-form";

/**
 * "Add to list" on a product card, rendered on the server: the customer's lists come from one read
 * per request (however many cards), the form is the product page's in its compact form, drawn only
 * when a dealer opens it (`lazy`): a page of cards does not render two dozen closed forms.
 */
export async function ProductAddToList({ sku, title, quantity }: { sku: string; title: string; quantity: number }) {
  const lists = await requestListChoices();
  return <AddToListForm sku={sku} title={title} quantity={quantity} lists={lists} compact lazy />;
}
