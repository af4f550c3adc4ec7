import "server-only";

import { orderability, type Orderability } from "@/lib/catalogue/orderable";
import { summariesBySku } from "@/lib/catalogue/queries";
import type { ProductSummary } from "@/lib/catalogue/types";
import { getDb } from "@/lib/db";
import { csvDocument, safeText } from "@/lib/orders/csv";

import { listOwnerOf, type ListSession } from "./owner";
import { findList, linesOf, listsOf, type StoredList } from "./store";

/** Reading the active customer's lists: the overview, one list with its products, the CSV export. */

export type ListSummary = StoredList;

export async function listLists(session: ListSession): Promise<ListSummary[]> {
  return listsOf(await getDb(), listOwnerOf(session).customerCode);
}

export interface ShownListLine {
  sku: string;
  quantity: number;
  /** What the mirror knows of the product now; null when it does not know the SKU. */
  product: ProductSummary | null;
  orderability: Orderability;
}

export interface ShownList {
  id: string;
  name: string;
  updatedAt: Date;
  lines: ShownListLine[];
}

/** One of the active customer's lists with its lines' products, or null (another customer's, or gone). */
export async function showList(session: ListSession, input: { id: string }): Promise<ShownList | null> {
  const db = await getDb();
  const list = await findList(db, listOwnerOf(session).customerCode, input.id);
  if (!list) return null;
  const lines = await linesOf(db, list.id);
  const products = await summariesBySku(
    db,
    lines.map((line) => line.sku),
  );
  return {
    ...list,
    lines: lines.map((line) => {
      const product = products.get(line.sku) ?? null;
      return { sku: line.sku, quantity: line.quantity, product, orderability: orderability(product) };
    }),
  };
}

/** A list as CSV (`sku;quantity;title`, what the import reads back), or null when it is not the customer's. */
export async function exportList(
  session: ListSession,
  input: { id: string },
  headers: { sku: string; quantity: string; title: string },
): Promise<{ name: string; csv: string } | null> {
  const list = await showList(session, input);
  if (!list) return null;
  const rows = [
    [headers.sku, headers.quantity, headers.title],
    ...list.lines.map((line) => [safeText(line.sku), String(line.quantity), safeText(line.product?.title ?? "")]),
  ];
  return { name: list.name, csv: csvDocument(rows, ";") };
}
