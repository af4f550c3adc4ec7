/**
 * A message for the next page, after a form posted without JavaScript was answered with a redirect
 * (post, redirect, get: a reload of that page posts nothing again). The action puts what it has to
 * say in a short-lived cookie, never in the address; the proxy hands it to that one page (in a
 * request header it sets itself) and deletes the cookie, so a reload does not say it again.
 * Pure: the proxy, actions and pages read it.
 */

/** The cookie an action sets (httpOnly, SameSite=Lax, a minute at most). */
export const FLASH_COOKIE = "portal-flash";

/** The request header the proxy sets to the cookie's value for the page that shows it. */
export const FLASH_HEADER = "x-portal-flash";

/** A minute: the redirect is followed at once; a flash never shown is gone after that. */
export const FLASH_MAX_AGE_SECONDS = 60;

/** Larger than any message the portal flashes; a longer value is not read. */
const MAX_LENGTH = 3000;

export function encodeFlash(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

/** What a flash holds, unknown until the reader's schema has it; null when it is not one. */
export function decodeFlash(text: string | null | undefined): unknown {
  if (!text || text.length > MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
  } catch {
    return null;
  }
}
