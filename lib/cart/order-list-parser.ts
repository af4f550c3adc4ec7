import Papa from "papaparse";

import { MAX_LIST_LINES } from "./line-limit";

/**
 * Reads a list of parts pasted from a spreadsheet or an email, or uploaded as a
 * CSV file: `SKU<tab>qty`, `SKU;qty`, `SKU,qty`, `SKU qty`, or one SKU a line.
 * Copes with a BOM, Excel's `sep=;` line, a header row, quotes, blank lines and
 * decimal commas. Runs in the browser and on the server.
 */

export interface ParsedEntry {
  /** 1-based line (row) number in the input, for the report. */
  line: number;
  identifier: string;
  /** Wanted quantity in price units; null when the line gives none (then one sales unit). */
  quantity: number | null;
}

export interface ParseProblem {
  line: number;
  text: string;
  problem: "quantity";
}

export interface ParsedList {
  entries: ParsedEntry[];
  problems: ParseProblem[];
  headerSkipped: boolean;
}

const IDENTIFIER_HEADERS =
  /^(sku|artikel(nummer|nr)?|article( ?(number|no))?|item( ?(number|no))?|code|product( ?code)?|part( ?(number|no))?|onderdeelnummer|barcode|ean|ean13)$/i;
const QUANTITY_HEADERS = /^(qty|quantity|aantal|amount|stuks|hoeveelheid|qnt|menge)$/i;

function parseQuantity(raw: string): number | null | "invalid" {
  const text = raw.trim().replace(/\s+/g, "");
  if (!text) return null;
  const normalised = /^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)
    ? text.replace(/\./g, "").replace(",", ".")
    : text.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(normalised)) return "invalid";
  const value = Number(normalised);
  return Number.isFinite(value) && value > 0 ? value : "invalid";
}

function cleanIdentifier(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .trim()
    .replace(/^["']|["']$/g, "")
    .trim();
}

/** Splits one row into identifier and quantity text; a lone field may still hold "SKU 10". */
function fieldsOf(row: string[], delimiter: string): [string, string] {
  const whole = /^\s*(\S+)\s+(\d+(?:[.,]\d+)?)\s*$/.exec(row.join(delimiter));
  if (whole && !/[;\t|]/.test(whole[1] ?? "")) return [whole[1] ?? "", whole[2] ?? ""];
  const fields = row.map((field) => field.trim()).filter((field, index) => field !== "" || index < 2);
  if (fields.length >= 3 && delimiter === "," && /^\d+$/.test(fields[1] ?? "") && /^\d+$/.test(fields[2] ?? "")) {
    // "SKU,2,5": a decimal comma in a comma-separated line.
    return [fields[0] ?? "", `${fields[1]},${fields[2]}`];
  }
  return [fields[0] ?? "", fields[1] ?? ""];
}

const DELIMITERS = ["\t", ";", ",", "|"] as const;

/**
 * The separator most non-empty lines contain (tab before semicolon before comma);
 * a comma, which no line holds, for one SKU a line. Blank and trailing lines do not count.
 */
export function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim());
  let best = "";
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = lines.filter((line) => line.includes(delimiter)).length;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best || ",";
}

export function parseOrderList(input: string): ParsedList {
  let text = input.replace(/^\uFEFF/, "");
  let delimiter = "";
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) {
    delimiter = sep[1] ?? "";
    text = text.slice(sep[0].length);
  }
  const result = Papa.parse<string[]>(text, { delimiter: delimiter || guessDelimiter(text), skipEmptyLines: false });
  const usedDelimiter = result.meta.delimiter;
  const entries: ParsedEntry[] = [];
  const problems: ParseProblem[] = [];
  let headerSkipped = false;
  let swap = false;
  let firstContentRow = true;
  const rowOffset = sep ? 1 : 0;

  result.data.forEach((row, index) => {
    const line = index + 1 + rowOffset;
    if (!row.some((field) => field.trim())) return;
    if (entries.length + problems.length >= MAX_LIST_LINES) return;
    let [identifierText, quantityText] = fieldsOf(row, usedDelimiter);
    if (firstContentRow) {
      firstContentRow = false;
      const a = cleanIdentifier(identifierText);
      const b = quantityText.trim();
      if (QUANTITY_HEADERS.test(a) && IDENTIFIER_HEADERS.test(b)) {
        swap = true;
        headerSkipped = true;
        return;
      }
      if (IDENTIFIER_HEADERS.test(a) && (!b || QUANTITY_HEADERS.test(b) || parseQuantity(b) === "invalid")) {
        headerSkipped = true;
        return;
      }
    }
    if (swap) [identifierText, quantityText] = [quantityText, identifierText];
    const identifier = cleanIdentifier(identifierText);
    if (!identifier) return;
    const quantity = parseQuantity(quantityText.replace(/^["']|["']$/g, ""));
    if (quantity === "invalid") {
      problems.push({ line, text: row.join(usedDelimiter || " ").slice(0, 200), problem: "quantity" });
      return;
    }
    entries.push({ line, identifier: identifier.slice(0, 64), quantity });
  });
  return { entries, problems, headerSkipped };
}
