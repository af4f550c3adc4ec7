import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDb } from "@/lib/db";

import { addableLines, checkRequestedLines, type LineReport } from "./lines";
import { cartOwnerOf } from "./owner";
import { addToStoredCart } from "./store";

export interface RequestedCartLine {
  /** A SKU, barcode or vendor item number, as typed, pasted, scanned or reordered. */
  identifier: string;
  /** Price units wanted; null for one sales unit. */
  quantity: number | null;
}

export interface AddLinesResult {
  /** One report per requested line, in order: what was added, rounded, or why not. */
  reports: LineReport[];
  /** How many distinct products went into the cart. */
  added: number;
  /** Lines in the cart afterwards. */
  count: number;
}

/**
 * Adds lines to the session's cart (quick order, paste, CSV, reorder, scan): resolves each
 * identifier against the mirror, reports each line, and adds only the orderable ones, rounded up
 * to whole sales units. The cart is the session's own person and active customer, never one
 * named by the caller.
 */
export async function addLines(session: SessionToken, lines: RequestedCartLine[]): Promise<AddLinesResult> {
  const db = await getDb();
  const owner = cartOwnerOf(session);
  const reports = await checkRequestedLines(
    db,
    lines.map((line, index) => ({ line: index + 1, identifier: line.identifier, quantity: line.quantity })),
  );
  const addable = addableLines(reports);
  const { count } = await addToStoredCart(db, owner, addable);
  return { reports, added: addable.length, count };
}
