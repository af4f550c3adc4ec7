import "server-only";

import { getDb } from "@/lib/db";

import { listOwnerOf, type ListSession } from "./owner";
import { deleteStoredList, insertList, renameStoredList } from "./store";

/** Creating, renaming and deleting the active customer's lists. Names come validated (schemas.ts). */

export type CreateListResult = { ok: true; id: string } | { ok: false; error: "too-many-lists" };

export async function createList(session: ListSession, input: { name: string }): Promise<CreateListResult> {
  return insertList(await getDb(), listOwnerOf(session), input.name);
}

export async function renameList(
  session: ListSession,
  input: { id: string; name: string },
): Promise<{ ok: true } | { ok: false; error: "not-found" }> {
  const renamed = await renameStoredList(await getDb(), listOwnerOf(session).customerCode, input.id, input.name);
  return renamed ? { ok: true } : { ok: false, error: "not-found" };
}

export async function deleteList(
  session: ListSession,
  input: { id: string },
): Promise<{ ok: true } | { ok: false; error: "not-found" }> {
  const deleted = await deleteStoredList(await getDb(), listOwnerOf(session).customerCode, input.id);
  return deleted ? { ok: true } : { ok: false, error: "not-found" };
}
