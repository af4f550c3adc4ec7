/**
 * The one reading of a return path (`?from=`): parsed as a URL against the portal's own origin,
 * kept only when it stays a path of this portal. Used by the proxy, the sign-in page (server and
 * browser), /session-expired and every other reader of `from`. Pure: safe in the browser too.
 */

/** Stands in for the portal's origin: only whether a value stays on it matters, not its name. */
const OWN_ORIGIN = "https://portal.invalid";

/** Pages a return path must never lead to: signing in again, or an API response. */
const EXCLUDED = /^\/(sign-in|session-expired|api)(\/|$|\?|#)/i;
const EXCLUDED_PREFIX = /^\/(sign-in|session-expired)/i;

/** Longer than any path of the portal; a longer value is dropped rather than put in a header. */
const MAX_LENGTH = 2048;

/** Visible ASCII only: no space, tab, CR, LF, NUL or anything a header cannot hold. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** Percent-decodes until nothing changes (at most a few rounds); null when malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** A path that, once some reader decodes it, would start a new host or hold control characters. */
function suspicious(path: string): boolean {
  const decoded = fullyDecoded(path);
  if (decoded === null) return true;
  if (/[\x00-\x1f\x7f]/.test(decoded)) return true;
  if (decoded.includes("\\")) return true;
  return /^\/\s*\//.test(decoded) || decoded.includes("//");
}

/**
 * `value` as a path of this portal (path, query and fragment), or "/" when it is missing, leads
 * elsewhere, cannot go in a header, or leads back to signing in or to an API route.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return "/";
  if (!HEADER_SAFE.test(value)) return "/";
  // Only a path: never a scheme, a host (`//`), or a backslash browsers read as a slash.
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return "/";
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN || url.username || url.password) return "/";
  // The URL parser resolves dot segments ("/.//evil" becomes "//evil"): check what it made of it.
  const path = url.pathname;
  if (!path.startsWith("/") || path.startsWith("//") || suspicious(path)) return "/";
  if (EXCLUDED.test(path) || EXCLUDED_PREFIX.test(path)) return "/";
  const result = `${path}${url.search}${url.hash}`;
  return HEADER_SAFE.test(result) ? result : "/";
}
