import "server-only";

import { checkRequestedLines, type LineOutcome } from "@/lib/cart/lines";
import { MAX_LIST_LINES as MAX_READ_LINES } from "@/lib/cart/line-limit";
import { parseOrderList } from "@/lib/cart/order-list-parser";
import { MAX_LINE_QUANTITY } from "@/lib/cart/quantity";
import { getDb } from "@/lib/db";

import { listOwnerOf, type ListSession } from "./owner";
import { addStoredLines, findList } from "./store";

/** One line of an import that needs the dealer's eye: not read, not known, blocked, or over the limit. */
export interface ImportProblem {
  line: number;
  identifier: string;
  problem: Exclude<LineOutcome, "added" | "rounded"> | "quantity" | "limit";
}

export interface ImportReport {
  /** Lines read from the text (blank lines and a header row not counted). */
  read: number;
  /** Lines new on the list, and lines already there whose quantity grew. */
  added: number;
  updated: number;
  /** Lines that could not go on the list or need attention, in the order of the text (at most 200 listed). */
  problems: ImportProblem[];
  problemCount: number;
  /** The text had more lines than are read at once (MAX_READ_LINES). */
  truncated: boolean;
}

export type ImportResult = ({ ok: true } & ImportReport) | { ok: false; error: "not-found" | "empty" };

const LISTED_PROBLEMS = 200;
const KEEPABLE = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Pasted lines or a CSV file into a list, read by the quick order's parser and checked by the
 * cart's rules (lib/cart/lines.ts): SKUs, barcodes and part numbers become the product's SKU.
 * Unknown and blocked products are kept on the list (and said so), since the cart reports them
 * again when the list is ordered; unreadable lines are not. New lines past the list's limit are
 * refused and counted. One query per batch of lines, never per line.
 */
export async function importList(session: ListSession, input: { id: string; text: string }): Promise<ImportResult> {
  const db = await getDb();
  const customerCode = listOwnerOf(session).customerCode;
  if (!(await findList(db, customerCode, input.id))) return { ok: false, error: "not-found" };
  const parsed = parseOrderList(input.text);
  if (!parsed.entries.length && !parsed.problems.length) return { ok: false, error: "empty" };
  const reports = await checkRequestedLines(db, parsed.entries);
  let problems: ImportProblem[] = parsed.problems.map((problem) => ({
    line: problem.line,
    identifier: problem.text.slice(0, 64),
    problem: "quantity",
  }));
  const wanted: { line: number; identifier: string; sku: string; quantity: number }[] = [];
  reports.forEach((report, index) => {
    const entry = parsed.entries[index]!;
    if (report.outcome !== "added" && report.outcome !== "rounded") {
      problems.push({ line: report.line, identifier: report.identifier, problem: report.outcome });
    }
    const sku = report.sku ?? (KEEPABLE.test(entry.identifier) ? entry.identifier : null);
    if (report.outcome === "unreadable" || !sku) return;
    const quantity = Math.min(MAX_LINE_QUANTITY, Math.ceil(entry.quantity ?? report.salesUnitAmount ?? 1));
    wanted.push({ line: entry.line, identifier: entry.identifier, sku, quantity });
  });
  let added = 0;
  let updated = 0;
  if (wanted.length) {
    const outcome = await addStoredLines(db, customerCode, input.id, wanted);
    if (!outcome.ok) return outcome;
    added = outcome.added;
    updated = outcome.updated;
    const refused = new Set(outcome.refused);
    const notImported = new Set<number>();
    for (const line of wanted) {
      if (!refused.delete(line.sku)) continue;
      notImported.add(line.line);
    }
    // A line past the limit is said once, as not imported (not also "unknown: kept on the list").
    problems = problems.filter((problem) => !notImported.has(problem.line));
    for (const line of wanted) {
      if (notImported.has(line.line)) problems.push({ line: line.line, identifier: line.identifier, problem: "limit" });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    ok: true,
    read: parsed.entries.length + parsed.problems.length,
    added,
    updated,
    problems: problems.slice(0, LISTED_PROBLEMS),
    problemCount: problems.length,
    truncated: parsed.entries.length + parsed.problems.length >= MAX_READ_LINES,
  };
}
