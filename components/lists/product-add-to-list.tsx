import { personalParts } from "@/lib/http/personal-parts";
import { requestListChoices } from "@/lib/lists/request-lists";

import { AddToListForm } from "./add-to-list-form";

/**
 * "Add to list" on a product card, rendered on the server: the customer's lists come from one read
 * per request (however many cards), the form is the product page's in its compact form, drawn only
 * when a dealer opens it (`lazy`): a page of cards does not render two dozen closed forms.
 */
export async function ProductAddToList({ sku, title, quantity }: { sku: string; title: string; quantity: number }) {
  const [lists, personal] = await Promise.all([requestListChoices(), personalParts()]);
  const shown = lists.map(({ id, name }, index) => ({
    id: personal.text(`list.${index}.id`, id),
    name: personal.text(`list.${index}.name`, name),
  }));
  return (
    <>
      {personal.shape("lists", lists.length)}
      <AddToListForm sku={sku} title={title} quantity={quantity} lists={shown} compact lazy />
    </>
  );
}
