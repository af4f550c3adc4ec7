import { z } from "zod";

import { isCalendarDay } from "@/lib/orders/list-params";

/**
 * The admin page's audit filters as they stand in the URL (a GET form, so it works without
 * JavaScript): `who` (part of a name or email), `what` (an action), `customer` (a code), `from`
 * and `to` (calendar days) and `page`. A bad value falls back to "any" and never breaks the page.
 */

/** What the audit log records. */
export const AUDIT_ACTIONS = ["switch-customer", "switch-back", "order-for-customer", "forbidden-customer"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The customer code of the row that gathers a person's refused attempts beyond their own row limit. */
export const MANY_CUSTOMERS = "*";

export interface AuditFilters {
  who: string;
  action: AuditAction | null;
  customer: string | null;
  from: string | null;
  to: string | null;
  page: number;
}

type Params = Record<string, string | string[] | undefined>;

const text = (max: number) =>
  z
    .string()
    // NULs and other control characters never match a name; lone surrogates become U+FFFD when read from the URL.
    .transform((value) =>
      value
        .replace(/[\u0000-\u001f\u007f]/g, "")
        .replace(/\s+/g, " ")
        .trim()
        .slice(0, max)
        .trim(),
    )
    .catch("");

const day = z.string().trim().refine(isCalendarDay).nullable().catch(null);

const schema = z.object({
  who: text(100),
  what: z.enum(AUDIT_ACTIONS).nullable().catch(null),
  customer: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^(?:[A-Z0-9]{2,20}|\*)$/)
    .nullable()
    .catch(null),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

const first = (params: Params, name: string): string | undefined => {
  const value = params[name];
  return Array.isArray(value) ? value[0] : value;
};

export function parseAuditFilters(params: Params): AuditFilters {
  const parsed = schema.parse({
    who: first(params, "who") ?? "",
    what: first(params, "what") || null,
    customer: first(params, "customer") || null,
    from: first(params, "from") || null,
    to: first(params, "to") || null,
    page: first(params, "page") ?? 1,
  });
  const [from, to] =
    parsed.from && parsed.to && parsed.from > parsed.to ? [parsed.to, parsed.from] : [parsed.from, parsed.to];
  return { who: parsed.who, action: parsed.what, customer: parsed.customer, from, to, page: parsed.page };
}

/** `?who=…&what=…`, defaults left out; `page` only above 1. */
export function auditQuery(filters: AuditFilters, page = filters.page): string {
  const query = new URLSearchParams();
  if (filters.who) query.set("who", filters.who);
  if (filters.action) query.set("what", filters.action);
  if (filters.customer) query.set("customer", filters.customer);
  if (filters.from) query.set("from", filters.from);
  if (filters.to) query.set("to", filters.to);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `?${text}` : "";
}

export function hasAuditFilters(filters: AuditFilters): boolean {
  return Boolean(filters.who || filters.action || filters.customer || filters.from || filters.to);
}
