import { orderability } from "@/lib/catalogue/orderable";
import type { Database } from "@/lib/db";
import type { ProductRow } from "@/lib/db/schema";
import { productDisplayName } from "@/lib/domain/product";

import { lineMaximum, roundToSalesUnit } from "./quantity";
import { resolveIdentifiers } from "./resolve";
import { isCleanLine } from "./safe-text";

/** What happened to one requested line (quick order, paste, CSV, reorder, scan). */
export type LineOutcome = "added" | "rounded" | "unknown" | "blocked" | "unavailable" | "unreadable";

export interface LineReport {
  line: number;
  identifier: string;
  outcome: LineOutcome;
  sku: string | null;
  title: string | null;
  requested: number | null;
  quantity: number | null;
  salesUnit: string | null;
  salesUnitAmount: number | null;
}

export interface RequestedLine {
  line: number;
  identifier: string;
  /** Price units wanted; null for one sales unit. */
  quantity: number | null;
}

/**
 * Checks requested lines against the mirror before anything is added: which
 * product each means, whether it can be ordered, and its quantity rounded up
 * to whole sales units.
 */
export async function checkRequestedLines(db: Database, requested: RequestedLine[]): Promise<LineReport[]> {
  const found = await resolveIdentifiers(
    db,
    requested.filter((line) => isCleanLine(line.identifier)).map((line) => line.identifier),
  );
  return requested.map((line) =>
    isCleanLine(line.identifier) ? reportFor(line, found.get(line.identifier.trim().toLowerCase())) : unreadable(line),
  );
}

/** A line with characters no identifier has (NUL, control characters, broken UTF-16): said as such. */
function unreadable(line: RequestedLine): LineReport {
  return {
    line: line.line,
    // Shown back to the dealer: the characters that cannot be shown are replaced.
    identifier: line.identifier
      .replace(
        /[\u0000-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        "\uFFFD",
      )
      .slice(0, 64),
    outcome: "unreadable",
    sku: null,
    title: null,
    requested: line.quantity,
    quantity: null,
    salesUnit: null,
    salesUnitAmount: null,
  };
}

function reportFor(line: RequestedLine, product: ProductRow | undefined): LineReport {
  const base = {
    line: line.line,
    identifier: line.identifier,
    requested: line.quantity,
    sku: product?.sku ?? null,
    title: product ? productDisplayName(product) : null,
    salesUnit: product?.salesUnit ?? null,
    salesUnitAmount: product?.salesUnitAmount ?? null,
  };
  const orderable = orderability(product);
  if (orderable !== "orderable") return { ...base, outcome: orderable, quantity: null };
  if (!product) return { ...base, outcome: "unknown", quantity: null };
  const quantity = roundToSalesUnit(line.quantity ?? product.salesUnitAmount, product.salesUnitAmount);
  const rounded = line.quantity !== null && quantity !== line.quantity;
  return { ...base, outcome: rounded ? "rounded" : "added", quantity };
}

/** The lines of a report that can go into the cart, summed per SKU, each with the most its line holds. */
export function addableLines(reports: LineReport[]): { sku: string; quantity: number; maximum: number }[] {
  const bySku = new Map<string, { sku: string; quantity: number; maximum: number }>();
  for (const report of reports) {
    if ((report.outcome === "added" || report.outcome === "rounded") && report.sku && report.quantity) {
      const line = bySku.get(report.sku) ?? {
        sku: report.sku,
        quantity: 0,
        maximum: lineMaximum(report.salesUnitAmount ?? 1),
      };
      line.quantity += report.quantity;
      bySku.set(report.sku, line);
    }
  }
  return [...bySku.values()];
}
