import type { z } from "zod";

import { log, scrub } from "@/lib/observability/logger";

import { PhpDateError } from "./php-date";

/**
 * Lists as the upstream sends them, read record by record.
 *
 * Every list (orders, companies, categories, the SKU list, stock lists) may come
 * as a bare array or as a Laravel page (`{data, links, meta}`, or the plain
 * paginator with `next_page_url`/`current_page`/`last_page` at the top). Each
 * record is parsed and mapped on its own: a record the schema refuses (or whose
 * mapping fails, a bad date say) is left out and counted, never failing the
 * others. What was left out is logged once per call with the field path and the
 * record's id, never with the record's other values (names, emails, addresses).
 */

/** What one list read gives: the records that could be read and how many could not. */
export interface ListRead<T> {
  items: T[];
  /** Records left out because they could not be read. */
  skipped: number;
  /** Ids (order id, company code, SKU, category code) of the records left out, where they have one. */
  skippedIds: string[];
  /** Pages read (1 for a bare array). */
  pages: number;
  /** False when a next page was announced but not read (page bound reached, or a link to another host). */
  complete: boolean;
}

/**
 * The list methods' answer: an ordinary array with the skipped count on it, so
 * that existing callers keep working and new ones can say how many records
 * could not be shown. `skipped` and `skippedIds` are not enumerable: spreading,
 * JSON and equality checks see a plain array.
 */
export type Listed<T> = T[] & {
  readonly skipped: number;
  readonly skippedIds: readonly string[];
  readonly complete: boolean;
};

export function toListed<T>(read: Pick<ListRead<T>, "items" | "skipped" | "skippedIds" | "complete">): Listed<T> {
  const array = [...read.items];
  Object.defineProperties(array, {
    skipped: { value: read.skipped, enumerable: false },
    skippedIds: { value: [...read.skippedIds], enumerable: false },
    complete: { value: read.complete, enumerable: false },
  });
  return array as Listed<T>;
}

/** The same skipped count on a map (the stock lists). */
export type ListedMap<K, V> = Map<K, V> & { readonly skipped: number; readonly skippedIds: readonly string[] };

export function toListedMap<K, V>(map: Map<K, V>, skipped: number, skippedIds: readonly string[]): ListedMap<K, V> {
  Object.defineProperties(map, {
    skipped: { value: skipped, enumerable: false },
    skippedIds: { value: [...skippedIds], enumerable: false },
  });
  return map as ListedMap<K, V>;
}

/** One page of a list: its records and where the next page is, if anywhere. */
export interface Envelope {
  /** The records: an array, or the entries of an object (a flat stock list). */
  records: unknown[] | Record<string, unknown>;
  /** `links.next` or `next_page_url`, as sent. */
  next: string | null;
  currentPage: number | null;
  lastPage: number | null;
  total: number | null;
  /** Whether the answer was a page (`data` with `links`/`meta`) rather than a bare list. */
  paged: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function intOrNull(value: unknown): number | null {
  const number = typeof value === "string" && /^\d{1,9}$/.test(value.trim()) ? Number(value) : value;
  return typeof number === "number" && Number.isInteger(number) && number >= 0 ? number : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

const PAGE_KEYS = ["links", "meta", "current_page", "next_page_url", "last_page", "per_page", "total"];

/**
 * Reads a list's outer shape. `objectRecords` allows an object of records (a
 * flat stock list, `{"sku": value}`), otherwise an object that is not a page is
 * not a list. Returns null when the answer is neither.
 */
export function readEnvelope(raw: unknown, objectRecords = false): Envelope | null {
  const bare = (records: Envelope["records"]): Envelope => ({
    records,
    next: null,
    currentPage: null,
    lastPage: null,
    total: null,
    paged: false,
  });
  if (Array.isArray(raw)) return bare(raw);
  if (!isObject(raw)) return null;
  const data = raw.data;
  const looksPaged = PAGE_KEYS.some((key) => key in raw);
  const dataIsList = Array.isArray(data) || (objectRecords && isObject(data));
  if (dataIsList && (looksPaged || Object.keys(raw).length === 1)) {
    const links = isObject(raw.links) ? raw.links : {};
    const meta = isObject(raw.meta) ? raw.meta : raw;
    return {
      records: data as Envelope["records"],
      next: stringOrNull(links.next) ?? stringOrNull(raw.next_page_url),
      currentPage: intOrNull(meta.current_page),
      lastPage: intOrNull(meta.last_page),
      total: intOrNull(meta.total),
      paged: true,
    };
  }
  return objectRecords ? bare(raw) : null;
}

/** A record's id for the log and the skipped list: its order id, code or SKU, never any other field. */
export function recordId(raw: unknown, keys: readonly string[]): string | null {
  if (!isObject(raw)) return null;
  for (const key of keys) {
    const value = raw[key];
    if ((typeof value === "string" && value.trim() !== "") || (typeof value === "number" && Number.isFinite(value))) {
      // Ids are codes: keep the characters a code has, so a stray value cannot smuggle text into the log.
      return String(value)
        .trim()
        .replace(/[^\w.\-/]/g, "?")
        .slice(0, 40);
    }
  }
  return null;
}

/** Why a record was left out, without any of its values: the field path and zod's message (which names no value). */
export function describeProblem(error: unknown): string {
  if (error && typeof error === "object" && "issues" in error && Array.isArray((error as z.ZodError).issues)) {
    const issue = (error as z.ZodError).issues[0];
    if (issue) return `${issue.path.join(".") || "(record)"}: ${issue.message}`;
  }
  if (error instanceof PhpDateError) return `a date: ${error.message}`;
  return `(record): ${error instanceof Error ? error.name : "unreadable"}`;
}

export interface RecordProblem {
  id: string | null;
  problem: string;
}

/** Parses and maps each record on its own; those that fail are reported to `problems` and left out. */
export function readRecords<W, T>(
  records: readonly unknown[],
  schema: z.ZodType<W>,
  mapRecord: (value: W) => T,
  idKeys: readonly string[],
  problems: RecordProblem[],
): T[] {
  const items: T[] = [];
  for (const raw of records) {
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      problems.push({ id: recordId(raw, idKeys), problem: describeProblem(parsed.error) });
      continue;
    }
    try {
      items.push(mapRecord(parsed.data));
    } catch (error) {
      problems.push({ id: recordId(raw, idKeys), problem: describeProblem(error) });
    }
  }
  return items;
}

export interface UpstreamLogger {
  warn(message: string): void;
}

/** The process's JSON log; the free text is scrubbed of anything that looks like an address or a token. */
export const processLogger: UpstreamLogger = { warn: (message) => log().warn(scrub(message)) };

/** One log line for one call: how many records were left out, and for the first few their id and field path. */
export function logProblems(logger: UpstreamLogger, endpoint: string, problems: readonly RecordProblem[]): void {
  if (problems.length === 0) return;
  const shown = problems
    .slice(0, 5)
    .map((p) => `${p.id === null ? "a record without id" : `id ${p.id}`} at ${p.problem}`)
    .join("; ");
  const more = problems.length > 5 ? `; and ${problems.length - 5} more` : "";
  logger.warn(
    `upstream ${endpoint}: left out ${problems.length} record${problems.length === 1 ? "" : "s"} it could not read: ${shown}${more}`,
  );
}

/**
 * Where the next page is, if the portal may go there: a link on the upstream's
 * own origin and under its base path (the bearer token goes with the request,
 * so it never follows a link elsewhere). Relative links are read against the base.
 */
export function followableNext(baseUrl: string, next: string): string | null {
  let base: URL;
  let target: URL;
  try {
    base = new URL(baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
    target = new URL(next, base);
  } catch {
    return null;
  }
  if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname)) return null;
  return target.toString();
}
