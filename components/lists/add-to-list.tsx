import { requireSession } from "@/lib/auth/session";
import { personalParts } from "@/lib/http/personal-parts";
import { listLists } from "@/lib/lists/read";

import { AddToListForm } from "./add-to-list-form";

/**
 * "Add to list" for a product page (a server component: it reads the active customer's lists and
 * hands them to the small form). One line where a product is shown:
 * `<AddToList sku={product.sku} quantity={product.salesUnitAmount} />`.
 */
export async function AddToList({ sku, quantity, open = false }: { sku: string; quantity: number; open?: boolean }) {
  const [lists, personal] = await Promise.all([requireSession().then(listLists), personalParts()]);
  const shown = lists.map(({ id, name }, index) => ({
    id: personal.text(`list.${index}.id`, id),
    name: personal.text(`list.${index}.name`, name),
  }));
  return (
    <>
      {personal.shape("lists", lists.length)}
      <AddToListForm sku={sku} quantity={quantity} lists={shown} open={open} />
    </>
  );
}
