import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { addLines } from "@/lib/cart/add-lines";
import { decodeListFile } from "@/lib/cart/decode-file";
import type { LineReport } from "@/lib/cart/lines";
import { MAX_LIST_LINES } from "@/lib/cart/line-limit";
import { parseOrderList, type ParsedEntry, type ParseProblem } from "@/lib/cart/order-list-parser";

/** The largest list file read (the same limit the page's own reading of a file keeps). */
export const MAX_LIST_FILE_BYTES = 2 * 1024 * 1024;

export type QuickOrderSource = "quick-order" | "paste" | "csv";

export type QuickOrderList =
  | { source: "quick-order"; rows: { identifier: string; quantity: string }[] }
  | { source: "paste"; text: string }
  | { source: "csv"; bytes: Uint8Array };

/** One line of the report: what happened to it, or that its quantity could not be read. */
export interface QuickOrderRow {
  line: number;
  identifier: string;
  report: LineReport | null;
  problem?: "quantity";
}

export type QuickOrderOutcome =
  | { kind: "added"; rows: QuickOrderRow[]; added: number; tooMany: boolean }
  | { kind: "nothing-to-check" | "file-too-large" | "file-unreadable" };

/** A typed row's quantity as the rows form reads it: a number above nothing, otherwise one sales unit. */
function typedQuantity(text: string): number | null {
  const quantity = Number(text.trim().replace(",", "."));
  return text.trim() && Number.isFinite(quantity) && quantity > 0 ? quantity : null;
}

function entriesOf(list: QuickOrderList): { entries: ParsedEntry[]; problems: ParseProblem[] } | QuickOrderOutcome {
  switch (list.source) {
    case "quick-order":
      return {
        entries: list.rows
          .map((row, index) => ({
            line: index + 1,
            identifier: row.identifier.trim().slice(0, 64),
            quantity: row.quantity,
          }))
          .filter((row) => row.identifier)
          .map((row) => ({ ...row, quantity: typedQuantity(row.quantity) })),
        problems: [],
      };
    case "paste":
      return parseOrderList(list.text);
    case "csv": {
      if (list.bytes.byteLength > MAX_LIST_FILE_BYTES) return { kind: "file-too-large" };
      let text: string | null;
      try {
        // UTF-8, UTF-16 (Excel's "Unicode text") or Windows-1252: decoded by what the bytes are.
        text = decodeListFile(list.bytes);
      } catch {
        text = null;
      }
      return text === null ? { kind: "file-unreadable" } : parseOrderList(text);
    }
  }
}

/**
 * Quick order in one step (a form posted without JavaScript): typed rows, pasted text or an
 * uploaded file are read, every line is checked, and the orderable ones go into the session's cart
 * (rounded up to whole sales units, through the cart's own front door). The report names every
 * line by its row in what the dealer gave: added, rounded, unknown, blocked, no longer offered,
 * unreadable, or a quantity that could not be read.
 */
export async function addQuickOrderList(session: SessionToken, list: QuickOrderList): Promise<QuickOrderOutcome> {
  const read = entriesOf(list);
  if ("kind" in read) return read;
  const { entries, problems } = read;
  if (!entries.length && !problems.length) return { kind: "nothing-to-check" };
  const rows: QuickOrderRow[] = problems.map((problem) => ({
    line: problem.line,
    identifier: problem.text,
    report: null,
    problem: "quantity",
  }));
  let added = 0;
  if (entries.length) {
    const result = await addLines(
      session,
      entries.map((entry) => ({ identifier: entry.identifier, quantity: entry.quantity })),
    );
    added = result.added;
    result.reports.forEach((report, index) => {
      const line = entries[index]?.line ?? report.line;
      rows.push({ line, identifier: report.identifier, report: { ...report, line } });
    });
  }
  return {
    kind: "added",
    rows: rows.sort((a, b) => a.line - b.line),
    added,
    tooMany: entries.length + problems.length >= MAX_LIST_LINES,
  };
}
