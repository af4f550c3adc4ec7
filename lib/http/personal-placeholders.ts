/**
 * The marks a shared copy of a page carries where each user's own parts go (lib/http/personal-parts.ts
 * writes them, lib/http/document-template.ts finds and fills them). Plain values: the proxy, the
 * server's start-up and the pages all read them.
 */

/** The request header that makes a render the shared copy's; only the proxy sets it, for its own fetch. */
export const SHARED_RENDER_HEADER = "x-portal-shared-render";

/** Private-use characters: nothing React, Next or a translation writes contains them. */
const OPEN = "\uE000";
const CLOSE = "\uE001";
const NAME = /^[a-z][a-zA-Z0-9.]*$/;

/** A text's placeholder in a shared copy. */
export function PERSONAL_PLACEHOLDER(name: string): string {
  if (!NAME.test(name)) throw new Error(`not a placeholder name: ${name}`);
  return `${OPEN}${name}${CLOSE}`;
}

/** Every placeholder in a document, by name. */
export const PLACEHOLDERS = new RegExp(`${OPEN}([a-z][a-zA-Z0-9.]*)${CLOSE}`, "g");

/** Whether a text holds any part of a placeholder (a user's text never may: it would be filled). */
export function hasPlaceholderCharacters(text: string): boolean {
  return text.includes(OPEN) || text.includes(CLOSE);
}

/** A shape mark's value: `name=value`, booleans as 1 and 0. */
export function shapeMarkValue(name: string, value: string | number | boolean): string {
  const shown = value === true ? "1" : value === false ? "0" : String(value);
  if (!NAME.test(name) || !/^[A-Za-z0-9._:-]*$/.test(shown)) throw new Error(`not a shape mark: ${name}=${shown}`);
  return `${name}=${shown}`;
}

/** What a cart's line count decides of a page: none, one, or more lines (the words of a count of 2 or more are one). */
export function cartShape(count: number): string {
  return count >= 2 ? "n" : String(count);
}

/**
 * The cart's line count in a shared copy when it is 2 or more: a number, since the count is one (a
 * plural chooses its words by it), unlike any count a cart has. Filled wherever it stands alone as
 * digits, as written or grouped by the page's language.
 */
export const COUNT_PLACEHOLDER = 900_000_001;
