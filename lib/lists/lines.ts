import "server-only";

import { summariesBySku } from "@/lib/catalogue/queries";
import { getDb } from "@/lib/db";

import { listOwnerOf, type ListSession } from "./owner";
import { addStoredLines, findList, insertList, moveStoredLine, removeStoredLine, setStoredLineQuantity } from "./store";

/**
 * Editing a list's lines, one line per write: adding (a SKU already there gets the quantity
 * added), setting a quantity (the last write wins), moving and removing. Another customer's list
 * is not found.
 */

export type LineEditResult = { ok: true } | { ok: false; error: "not-found" | "no-line" };

export type AddToListResult =
  | { ok: true; id: string; name: string }
  | { ok: false; error: "not-found" | "too-many-lines" | "too-many-lists" | "unknown-product" };

/**
 * "Add to list" wherever a product is shown: into one of the customer's lists, or a new list by
 * that name. Only a product the catalogue knows; a SKU already on the list gets the quantity added.
 */
export async function addToList(
  session: ListSession,
  input: ({ id: string } | { name: string }) & { sku: string; quantity: number },
): Promise<AddToListResult> {
  const db = await getDb();
  const owner = listOwnerOf(session);
  const [product] = (await summariesBySku(db, [input.sku])).values();
  if (!product) return { ok: false, error: "unknown-product" };
  let target: { id: string; name: string };
  if ("id" in input) {
    const list = await findList(db, owner.customerCode, input.id);
    if (!list) return { ok: false, error: "not-found" };
    target = list;
  } else {
    const created = await insertList(db, owner, input.name);
    if (!created.ok) return created;
    target = { id: created.id, name: input.name };
  }
  const outcome = await addStoredLines(db, owner.customerCode, target.id, [
    { sku: product.sku, quantity: input.quantity },
  ]);
  if (!outcome.ok) return outcome;
  if (outcome.refused.length) return { ok: false, error: "too-many-lines" };
  return { ok: true, id: target.id, name: target.name };
}

export async function setListLineQuantity(
  session: ListSession,
  input: { id: string; sku: string; quantity: number },
): Promise<LineEditResult> {
  const outcome = await setStoredLineQuantity(
    await getDb(),
    listOwnerOf(session).customerCode,
    input.id,
    input.sku,
    input.quantity,
  );
  return outcome === "ok" ? { ok: true } : { ok: false, error: outcome };
}

export async function moveListLine(
  session: ListSession,
  input: { id: string; sku: string; direction: "up" | "down" },
): Promise<LineEditResult> {
  const outcome = await moveStoredLine(
    await getDb(),
    listOwnerOf(session).customerCode,
    input.id,
    input.sku,
    input.direction,
  );
  return outcome === "ok" ? { ok: true } : { ok: false, error: outcome };
}

export async function removeListLine(
  session: ListSession,
  input: { id: string; sku: string },
): Promise<LineEditResult> {
  const outcome = await removeStoredLine(await getDb(), listOwnerOf(session).customerCode, input.id, input.sku);
  return outcome === "ok" ? { ok: true } : { ok: false, error: outcome };
}
