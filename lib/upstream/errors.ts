/**
 * The one error family of the upstream gateway. Pages and actions branch on
 * `kind`, never on HTTP status codes or the upstream's wording.
 */
export type UpstreamErrorKind =
  | "unauthorized" // 401: the token is unknown or expired
  | "forbidden" // 403: the user lacks a permission
  | "not_found" // 404
  | "validation" // 422: field errors in `fieldErrors`
  | "rate_limited" // 429: `retryAfterSeconds` says when to try again
  | "unavailable" // 5xx, connection refused or reset, an HTML error page
  | "timeout" // no answer within the time-out
  | "bad_request" // another 4xx: the portal sent something the upstream refuses
  | "malformed"; // the answer does not have the documented shape

export interface UpstreamErrorDetails {
  endpoint: string;
  status?: number;
  upstreamMessage?: string;
  fieldErrors?: Record<string, string[]>;
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class UpstreamError extends Error {
  readonly kind: UpstreamErrorKind;
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly upstreamMessage: string | undefined;
  readonly fieldErrors: Record<string, string[]>;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: UpstreamErrorKind, details: UpstreamErrorDetails) {
    const status = details.status === undefined ? "" : ` ${details.status}`;
    const said = details.upstreamMessage ? `: ${details.upstreamMessage}` : "";
    super(`${details.endpoint} failed (${kind}${status})${said}`, { cause: details.cause });
    this.name = "UpstreamError";
    this.kind = kind;
    this.endpoint = details.endpoint;
    this.status = details.status;
    this.upstreamMessage = details.upstreamMessage;
    this.fieldErrors = details.fieldErrors ?? {};
    this.retryAfterSeconds = details.retryAfterSeconds;
  }

  /** Whether the same request may succeed when sent again later. */
  get transient(): boolean {
    return this.kind === "unavailable" || this.kind === "timeout" || this.kind === "rate_limited";
  }
}

export function isUpstreamError(error: unknown, kind?: UpstreamErrorKind): error is UpstreamError {
  return error instanceof UpstreamError && (kind === undefined || error.kind === kind);
}

export function kindForStatus(status: number): UpstreamErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 422) return "validation";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "unavailable";
  return "bad_request";
}
