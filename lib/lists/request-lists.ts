import "server-only";

import { cache } from "react";

import { readSession } from "@/lib/auth/session";

import { listLists } from "./read";

/**
 * The active customer's lists (id and name) for the "Add to list" of every product a page shows,
 * read once per request however many product cards it draws. Empty without a live session.
 */
export const requestListChoices = cache(async (): Promise<{ id: string; name: string }[]> => {
  const session = await readSession();
  if (!session) return [];
  return (await listLists(session)).map(({ id, name }) => ({ id, name }));
});
