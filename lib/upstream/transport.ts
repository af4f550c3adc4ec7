import type { z } from "zod";

import { upstreamCallEnded } from "@/lib/observability/upstream";

import { fillPath, upstreamHeaders, endpoints, type EndpointName } from "./endpoints";
import { recordUpstreamAnswer } from "./availability";
import { kindForStatus, UpstreamError } from "./errors";

export interface TransportOptions {
  baseUrl: string;
  token?: string;
  /** Time-out of one attempt, in milliseconds. */
  timeoutMs: number;
  /** Attempts of an idempotent read, the first included. */
  readAttempts: number;
  /** Longest `Retry-After` a read waits for before giving up, in seconds. */
  maxRetryAfterSeconds?: number;
  fetch?: typeof fetch;
  /** Called instead of throwing when the upstream says the token is no longer valid (401); awaited. */
  onUnauthorized?: (error: UpstreamError) => never | Promise<never>;
  /** Waits between attempts; replaced in tests. */
  sleep?: (ms: number) => Promise<void>;
}

export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];

export interface RequestSpec<T> {
  endpoint: EndpointName;
  pathParams?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** How the answer is read: JSON parsed by `schema`, or plain text. */
  schema: z.ZodType<T>;
  responseType?: "json" | "text";
  signal?: AbortSignal;
  /**
   * An absolute URL to read instead of the endpoint's path and query: the next
   * page of a list, as the upstream linked it. The caller checks that it is on
   * the upstream's own origin (see `followableNext`).
   */
  url?: string;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) search.append(name, String(item));
    else search.append(name, String(value));
  }
  const qs = search.toString();
  return `${baseUrl}${path}${qs ? `?${qs}` : ""}`;
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get("retry-after");
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Plain text of an HTML fragment: tags dropped, common entities decoded, white space folded. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|\w+);/gi, (entity, name: string) => {
      if (!name.startsWith("#")) return ENTITIES[name.toLowerCase()] ?? entity;
      const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      const printable = code > 31 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return printable ? String.fromCodePoint(code) : " ";
    })
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The heading of an HTML error page (`<title>` or the first `<h1>`, e.g.
 * "Page Expired", "403 Forbidden"): the upstream's message when it answers
 * HTML. Only a short single line counts; anything else is no message.
 */
export function htmlErrorTitle(body: string): string | undefined {
  if (!/<[a-z!]/i.test(body)) {
    // Plain text: a short single line is the message.
    const line = body.trim();
    return line.length <= 120 && !/[\r\n]/.test(line) ? line : undefined;
  }
  for (const pattern of [/<title[^>]*>([\s\S]*?)<\/title>/i, /<h1[^>]*>([\s\S]*?)<\/h1>/i]) {
    const match = pattern.exec(body);
    const text = match?.[1] ? plainText(match[1]) : "";
    if (text && text.length <= 120) return text;
  }
  return undefined;
}

/** Laravel's `errors`: each field's messages as a list of strings, whatever the upstream sent. */
function readFieldErrors(errors: unknown): Record<string, string[]> | undefined {
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return undefined;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors as Record<string, unknown>)) {
    const list = Array.isArray(messages) ? messages : [messages];
    fieldErrors[field] = list
      .filter((message) => message !== null && message !== undefined)
      .map((message) => (typeof message === "string" ? message : JSON.stringify(message)));
  }
  return fieldErrors;
}

async function errorFromResponse(endpoint: string, response: Response): Promise<UpstreamError> {
  const status = response.status;
  const kind = kindForStatus(status);
  const text = await response.text().catch(() => "");
  let upstreamMessage: string | undefined;
  let fieldErrors: Record<string, string[]> | undefined;
  let body: unknown;
  try {
    // JSON whatever the content type says: a Laravel error is JSON even when a proxy labels it text/html.
    body = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (body && typeof body === "object" && !Array.isArray(body)) {
    const { message, errors, error } = body as { message?: unknown; errors?: unknown; error?: unknown };
    if (typeof message === "string" && message.trim()) upstreamMessage = message.trim();
    else if (typeof error === "string" && error.trim()) upstreamMessage = error.trim();
    fieldErrors = readFieldErrors(errors);
  } else if (status >= 500) {
    // An HTML error page of a proxy or the framework, or nothing: its words are of no use to a dealer.
    upstreamMessage = "the wholesaler is not reachable";
  } else if (text.trim() !== "" && body === undefined) {
    // A 4xx as an HTML page: its heading ("Page Expired", "403 Forbidden") is the upstream's message.
    upstreamMessage = htmlErrorTitle(text);
  }
  return new UpstreamError(kind, {
    endpoint,
    status,
    upstreamMessage,
    fieldErrors,
    retryAfterSeconds: status === 429 ? retryAfterSeconds(response) : undefined,
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");
}

/**
 * Sends requests to the upstream: one time-out per attempt, retries with
 * backoff for idempotent reads only, `Retry-After` honoured, every failure
 * turned into an `UpstreamError` and every answer parsed at the boundary.
 */
export class Transport {
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: TransportOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? defaultSleep;
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const { method, path } = endpoints[spec.endpoint];
    const idempotent = method === "GET";
    const attempts = idempotent ? Math.max(1, this.options.readAttempts) : 1;
    const url = spec.url ?? buildUrl(this.options.baseUrl, fillPath(path, spec.pathParams ?? {}), spec.query);
    let lastError: UpstreamError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const started = performance.now();
      try {
        const answer = await this.attempt(spec, method, url);
        upstreamCallEnded({ endpoint: spec.endpoint, attempt, durationMs: performance.now() - started });
        return answer;
      } catch (error) {
        upstreamCallEnded({ endpoint: spec.endpoint, attempt, durationMs: performance.now() - started, error });
        if (error instanceof UpstreamError && error.kind === "unauthorized" && this.options.onUnauthorized) {
          await this.options.onUnauthorized(error);
        }
        if (!(error instanceof UpstreamError) || !error.transient || attempt === attempts) throw error;
        if (spec.signal?.aborted) throw error;
        lastError = error;
        const wait = this.waitBeforeRetry(error, attempt);
        if (wait === undefined) throw error;
        await this.sleep(wait);
      }
    }
    throw lastError ?? new UpstreamError("unavailable", { endpoint: spec.endpoint });
  }

  private waitBeforeRetry(error: UpstreamError, attempt: number): number | undefined {
    if (error.kind === "rate_limited") {
      const seconds = error.retryAfterSeconds ?? 1;
      if (seconds > (this.options.maxRetryAfterSeconds ?? 5)) return undefined;
      return seconds * 1000;
    }
    const base = 150 * 2 ** (attempt - 1);
    return base + Math.floor(Math.random() * base);
  }

  private async attempt<T>(spec: RequestSpec<T>, method: string, url: string): Promise<T> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const headers = upstreamHeaders(this.options.token);
    if (spec.body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
        cache: "no-store",
      });
      if (!response.ok) throw await errorFromResponse(spec.endpoint, response);
      text = await response.text();
      recordUpstreamAnswer(true);
    } catch (error) {
      if (error instanceof UpstreamError) {
        recordUpstreamAnswer(!error.transient || error.kind === "rate_limited");
        throw error;
      }
      recordUpstreamAnswer(false);
      if (timeout.aborted) {
        throw new UpstreamError("timeout", {
          endpoint: spec.endpoint,
          upstreamMessage: `no answer within ${this.options.timeoutMs} ms`,
          cause: error,
        });
      }
      if (spec.signal?.aborted) throw error;
      throw new UpstreamError("unavailable", {
        endpoint: spec.endpoint,
        upstreamMessage: "the wholesaler is not reachable",
        cause: error,
      });
    }
    return this.parse(spec, response, text);
  }

  private parse<T>(spec: RequestSpec<T>, response: Response, text: string): T {
    let raw: unknown = text;
    if ((spec.responseType ?? "json") === "json") {
      if (text.trim() === "") {
        // 204, or a 200 without a body: the documented answer is missing, not an empty list.
        throw new UpstreamError("malformed", {
          endpoint: spec.endpoint,
          status: response.status,
          upstreamMessage: `empty answer (HTTP ${response.status})`,
        });
      }
      try {
        raw = JSON.parse(text);
      } catch (error) {
        const type = response.headers.get("content-type") ?? "no content type";
        throw new UpstreamError("malformed", {
          endpoint: spec.endpoint,
          status: response.status,
          upstreamMessage: `answer is not JSON (${type})`,
          cause: error,
        });
      }
    }
    const parsed = spec.schema.safeParse(raw);
    if (!parsed.success) {
      throw new UpstreamError("malformed", {
        endpoint: spec.endpoint,
        status: response.status,
        upstreamMessage: describeIssues(parsed.error),
        cause: parsed.error,
      });
    }
    return parsed.data;
  }
}
