import { requireSession } from "@/lib/auth/session";
import { listLists } from "@/lib/lists/read";

import { AddToListForm } from "./add-to-list-form";

/**
 * "Add to list" for a product page (a server component: it reads the active customer's lists and
 * hands them to the small form). One line where a product is shown:
 * `<AddToList sku={product.sku} quantity={product.salesUnitAmount} />`.
 */
export async function AddToList({ sku, quantity, open = false }: { sku: string; quantity: number; open?: boolean }) {
  const lists = await listLists(await requireSession());
  return (
    <AddToListForm sku={sku} quantity={quantity} lists={lists.map(({ id, name }) => ({ id, name }))} open={open} />
  );
}
