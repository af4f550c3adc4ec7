/**
 * The other shapes the reference allows, on demand (SIM_VARIANT, the `variants`
 * option, or POST /__sim/variants). Without any the simulator answers exactly
 * as before; each variant changes one aspect of the API's answers:
 *
 * - `string-ids`: order ids are strings such as `ORD100266` in the list, the
 *   detail, the status and the create answer; orders are served by that id only.
 * - `status-capitalised`, `status-lower`, `status-upper`: every order status (list,
 *   detail, create, the status endpoint) as `Processing`, `processing` or `PROCESSING`.
 *   By default lists and details are lower case and the status endpoint capitalised.
 * - `dates-offset`, `dates-abbreviation`, `dates-utc`: every PHP date as timezone
 *   type 1 (`+01:00`), type 2 (`CET`/`CEST`) or type 3 with `UTC`, same instant.
 * - `numbers-as-strings`: every number in a JSON answer as its text (`"49.99"`).
 * - `paged`: the order list and the SKU list as Laravel pages (`data`, `links`,
 *   `meta`; `page`, `per_page`), like the company list.
 * - `html-errors`: every error answer as an HTML page (Laravel's error view),
 *   its message in the page, not JSON.
 * - `json-as-html`: JSON answers labelled `text/html; charset=UTF-8`.
 * - `bad-record`: one record in the middle of every list (orders, companies,
 *   categories, the SKU list, stock lists) cannot be read (a required field
 *   with the wrong type), the others are as usual.
 * - `me-without-email`: `GET /me` answers `email: null` (a user the wholesaler
 *   keeps without an e-mail address; the user still signs in with a username).
 */
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "./context.js";
import { fromZodError } from "./laravel.js";
import { type PhpDate, type PhpDateStyle, parseDateInput, phpDate } from "./phpdate.js";

export const VARIANTS = [
  "string-ids",
  "status-capitalised",
  "status-lower",
  "status-upper",
  "dates-offset",
  "dates-abbreviation",
  "dates-utc",
  "numbers-as-strings",
  "paged",
  "html-errors",
  "json-as-html",
  "bad-record",
  "me-without-email",
] as const;

export type Variant = (typeof VARIANTS)[number];

const EXCLUSIVE: readonly (readonly Variant[])[] = [
  ["status-capitalised", "status-lower", "status-upper"],
  ["dates-offset", "dates-abbreviation", "dates-utc"],
];

const variantsSchema = z
  .array(z.enum(VARIANTS))
  .superRefine((list, ctx) => {
    for (const group of EXCLUSIVE) {
      const chosen = group.filter((variant) => list.includes(variant));
      if (chosen.length > 1) ctx.addIssue({ code: "custom", message: `Choose one of ${chosen.join(", ")}.` });
    }
  })
  .transform((list) => [...new Set(list)]);

/** `SIM_VARIANT`: names separated by commas (white space ignored). Throws on an unknown name. */
export function parseVariantList(raw: string | undefined): Variant[] {
  const names = (raw ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  const parsed = variantsSchema.safeParse(names);
  if (!parsed.success) {
    throw new Error(
      `SIM_VARIANT must be a comma-separated list of ${VARIANTS.join(", ")}; got "${raw}": ${parsed.error.issues[0]?.message}`,
    );
  }
  return parsed.data;
}

export type StatusCase = "default" | "capitalised" | "lower" | "upper";

const ORDER_ID_PREFIX = "ORD";

export class Variants {
  private active = new Set<Variant>();

  constructor(private readonly initial: readonly Variant[]) {
    this.replace(initial);
  }

  get current(): Variant[] {
    return VARIANTS.filter((variant) => this.active.has(variant));
  }

  has(variant: Variant): boolean {
    return this.active.has(variant);
  }

  /** Replaces the variants in force; throws a 422 HttpError on unknown or conflicting names. */
  set(input: unknown): Variant[] {
    const body = z
      .object({ variants: z.array(z.string()) })
      .strict()
      .safeParse(input);
    if (!body.success) throw fromZodError(body.error);
    const parsed = variantsSchema.safeParse(body.data.variants);
    if (!parsed.success) throw fromZodError(parsed.error);
    this.replace(parsed.data);
    return this.current;
  }

  /** Back to the variants the simulator was started with. */
  reset(): void {
    this.replace(this.initial);
  }

  private replace(list: readonly Variant[]): void {
    this.active = new Set(list);
  }

  // ---- order ids and statuses -------------------------------------------------

  /** An order id as the API shows it: the integer, or `ORD…` with `string-ids`. */
  orderIdOut(id: number): number | string {
    return this.has("string-ids") ? `${ORDER_ID_PREFIX}${id}` : id;
  }

  /** The create answer's id: a string either way (the reference's example). */
  createdIdOut(id: number): string {
    return String(this.orderIdOut(id));
  }

  /** The internal id of a path segment, or undefined when this API would not know it. */
  orderIdIn(raw: string): number | undefined {
    const pattern = this.has("string-ids") ? /^ORD(\d{1,15})$/ : /^(\d{1,15})$/;
    const match = pattern.exec(raw);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  }

  private statusCase(): StatusCase {
    if (this.has("status-capitalised")) return "capitalised";
    if (this.has("status-lower")) return "lower";
    if (this.has("status-upper")) return "upper";
    return "default";
  }

  /** A status in lists, details and the create answer. */
  statusOut(status: string): string {
    return cased(status, this.statusCase(), "lower");
  }

  /** A status as the status endpoint answers it (capitalised by default). */
  statusEndpointOut(status: string): string {
    return cased(status, this.statusCase(), "capitalised");
  }

  // ---- paging -------------------------------------------------------------------

  get paged(): boolean {
    return this.has("paged");
  }

  // ---- the answer rewriter --------------------------------------------------------

  private dateStyle(): PhpDateStyle | undefined {
    if (this.has("dates-offset")) return "offset";
    if (this.has("dates-abbreviation")) return "abbreviation";
    if (this.has("dates-utc")) return "utc";
    return undefined;
  }

  /**
   * Rewrites the API's answers for the variants that change shapes everywhere:
   * dates, numbers, error bodies, the content type, a bad record. Control and
   * media paths are left alone; with no such variant nothing is touched.
   */
  middleware(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      await next();
      const path = c.req.path;
      if (path.startsWith("/__sim/") || path.startsWith("/media/")) return;
      const dates = this.dateStyle();
      const numbers = this.has("numbers-as-strings");
      const badRecord = this.has("bad-record");
      const htmlErrors = this.has("html-errors");
      const jsonAsHtml = this.has("json-as-html");
      const meWithoutEmail = this.has("me-without-email") && path === "/me";
      if (!dates && !numbers && !badRecord && !htmlErrors && !jsonAsHtml && !meWithoutEmail) return;
      const response = c.res;
      const type = response.headers.get("content-type") ?? "";
      const isJson = type.includes("json");

      if (htmlErrors && response.status >= 400) {
        const message = isJson ? messageOf(await response.clone().text()) : undefined;
        if (isJson || type === "") {
          const headers = new Headers(response.headers);
          headers.set("content-type", "text/html; charset=UTF-8");
          headers.delete("content-length");
          c.res = new Response(errorPage(response.status, message), { status: response.status, headers });
        }
        return;
      }
      if (!isJson) return;

      let text = await response.text();
      const withoutEmail = meWithoutEmail && response.status === 200;
      if (dates || numbers || (badRecord && response.status === 200) || withoutEmail) {
        let body = JSON.parse(text) as unknown;
        if (badRecord && response.status === 200) body = spoilOneRecord(c.req.method, path, body);
        if (withoutEmail) body = { ...(body as Record<string, unknown>), email: null };
        if (dates) body = restyleDates(body, dates);
        if (numbers) body = numbersAsStrings(body);
        text = JSON.stringify(body);
      }
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      if (jsonAsHtml) headers.set("content-type", "text/html; charset=UTF-8");
      c.res = new Response(text, { status: response.status, headers });
    };
  }
}

function cased(status: string, statusCase: StatusCase, fallback: "lower" | "capitalised"): string {
  const style = statusCase === "default" ? fallback : statusCase;
  if (style === "upper") return status.toUpperCase();
  if (style === "lower") return status.toLowerCase();
  return status.charAt(0).toUpperCase() + status.slice(1).toLowerCase();
}

function messageOf(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    return typeof body.message === "string" ? body.message : undefined;
  } catch {
    return undefined;
  }
}

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  419: "Page Expired",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

const escapeHtml = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Laravel's minimal error view: the title is the status's name, the message below the code. */
function errorPage(status: number, message: string | undefined): string {
  const title = STATUS_TITLES[status] ?? "Error";
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n` +
    `<body><div class="code">${status}</div><div class="message">${escapeHtml(message || title)}</div></body>\n</html>\n`
  );
}

function isPhpDate(value: unknown): value is PhpDate {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as PhpDate).date === "string" &&
    "timezone_type" in value &&
    typeof (value as PhpDate).timezone === "string"
  );
}

/** The instant of a PHP date as the simulator writes them (Amsterdam, UTC, an offset, CET/CEST). */
export function phpDateInstant(value: PhpDate): number | undefined {
  const local = value.date.slice(0, 19);
  switch (Number(value.timezone_type)) {
    case 1:
      return parseDateInput(`${local}${value.timezone}`);
    case 2:
      return parseDateInput(`${local}${value.timezone === "CEST" ? "+02:00" : "+01:00"}`);
    default:
      return value.timezone === "UTC" ? parseDateInput(`${local}Z`) : parseDateInput(local);
  }
}

function restyleDates(value: unknown, style: PhpDateStyle): unknown {
  if (Array.isArray(value)) return value.map((item) => restyleDates(item, style));
  if (typeof value !== "object" || value === null) return value;
  if (isPhpDate(value)) {
    const instant = phpDateInstant(value);
    return instant === undefined ? value : phpDate(instant, style);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, restyleDates(item, style)]));
}

function numbersAsStrings(value: unknown): unknown {
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.map(numbersAsStrings);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, numbersAsStrings(item)]));
}

/** Which field of a list's records to break, by list path; the record's id stays readable. */
function spoilerFor(method: string, path: string): ((record: Record<string, unknown>) => void) | undefined {
  if (method !== "GET") return undefined;
  if (path === "/orders") return (record) => void (record.status = null);
  if (path === "/companies") return (record) => void (record.name = { invalid: true });
  if (path === "/products") return (record) => void (record.update_count = "many");
  if (path === "/categories" || /^\/categories\/[^/]+(\/children)?$/.test(path))
    return (record) => void (record.title = 42);
  if (path.startsWith("/stock/")) {
    const bad = path === "/stock/color" ? "blue" : "lots";
    return (record) => {
      const [key] = Object.keys(record);
      if (key !== undefined) record[key] = bad;
    };
  }
  return undefined;
}

/** Breaks the middle record of a list answer (bare array, page `data`, or a flat stock object). */
function spoilOneRecord(method: string, path: string, body: unknown): unknown {
  const spoil = spoilerFor(method, path);
  if (!spoil) return body;
  const list = Array.isArray(body)
    ? body
    : body && typeof body === "object" && Array.isArray((body as { data?: unknown }).data)
      ? ((body as { data: unknown[] }).data as unknown[])
      : undefined;
  if (list) {
    // A list of one is left whole: "one bad record among others".
    if (list.length < 2) return body;
    const middle = list[Math.floor(list.length / 2)];
    if (middle && typeof middle === "object") spoil(middle as Record<string, unknown>);
    return body;
  }
  if (body && typeof body === "object" && path.startsWith("/stock/")) {
    const entries = Object.entries(body as Record<string, unknown>);
    const middle = entries[Math.floor(entries.length / 2)];
    if (middle) {
      const one: Record<string, unknown> = { [middle[0]]: middle[1] };
      spoil(one);
      (body as Record<string, unknown>)[middle[0]] = one[middle[0]];
    }
  }
  return body;
}
