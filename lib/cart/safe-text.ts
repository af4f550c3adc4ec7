/**
 * Text that cannot be part of a part number, a reference or an address: NUL and other control
 * characters (a UTF-16 file read as UTF-8 is full of NULs), and lone UTF-16 surrogates (broken
 * input that PostgreSQL and the wholesaler cannot store). Tabs and line breaks are allowed where
 * free text is (notes), not in one-line values.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_EXCEPT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A one-line value (identifier, reference, name, street): no control characters, no lone surrogates. */
export function isCleanLine(text: string): boolean {
  return !CONTROL.test(text) && !LONE_SURROGATE.test(text);
}

/** Free text (notes): tabs and line breaks allowed, nothing else below U+0020, no lone surrogates. */
export function isCleanText(text: string): boolean {
  return !CONTROL_EXCEPT_LINES.test(text) && !LONE_SURROGATE.test(text);
}
