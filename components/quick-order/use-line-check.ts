"use client";

import { useState } from "react";

import { addLinesToCart, checkOrderLines } from "@/lib/cart/actions";
import type { RequestedLine } from "@/lib/cart/lines";
import type { ParseProblem } from "@/lib/cart/order-list-parser";

import type { ReportRow } from "./line-report";

const CHUNK = 250;

/** Checks requested lines on the server in chunks (with progress), then adds the good ones on request. */
export function useLineCheck() {
  const [rows, setRows] = useState<ReportRow[] | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [added, setAdded] = useState<number | null>(null);
  const [failed, setFailed] = useState(false);

  async function check(lines: RequestedLine[], problems: ParseProblem[] = []) {
    setAdded(null);
    setFailed(false);
    setRows(null);
    const result: ReportRow[] = problems.map((problem) => ({
      line: problem.line,
      identifier: problem.text,
      report: null,
      problem: "quantity",
    }));
    setProgress({ done: 0, total: lines.length });
    try {
      for (let start = 0; start < lines.length; start += CHUNK) {
        const chunk = lines.slice(start, start + CHUNK);
        const answer = await checkOrderLines({ lines: chunk });
        if (!answer.ok) throw new Error("check refused");
        result.push(...answer.reports.map((report) => ({ line: report.line, identifier: report.identifier, report })));
        setProgress({ done: Math.min(lines.length, start + CHUNK), total: lines.length });
      }
      setRows(result.sort((a, b) => a.line - b.line));
    } catch {
      setFailed(true);
    } finally {
      setProgress(null);
    }
  }

  async function addChecked(source: "quick-order" | "paste" | "csv") {
    const lines = (rows ?? [])
      .map((row) => row.report)
      .filter(
        (report) =>
          report && (report.outcome === "added" || report.outcome === "rounded") && report.sku && report.quantity,
      )
      .map((report) => ({ sku: report!.sku!, quantity: report!.quantity! }));
    if (!lines.length) return 0;
    setFailed(false);
    try {
      let count = 0;
      for (let start = 0; start < lines.length; start += CHUNK) {
        const answer = await addLinesToCart({ lines: lines.slice(start, start + CHUNK), source });
        if (!answer.ok) throw new Error("add refused");
        count += answer.added;
      }
      setAdded(count);
      return count;
    } catch {
      setFailed(true);
      return 0;
    }
  }

  return { rows, progress, added, failed, check, addChecked, reset: () => setRows(null) };
}
