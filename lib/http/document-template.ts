import { COUNT_PLACEHOLDER, PLACEHOLDERS } from "./personal-placeholders";

/**
 * A page's shared copy made ready to answer (lib/http/personal-documents.ts): the HTML cut at every
 * place a user's part or the CSP nonce goes, so that an answer is the pieces joined with its own
 * values, each written as its place needs it.
 *
 * A place is either in the HTML (text or an attribute: the value escaped as React escapes it) or in
 * one of the inline scripts that carry the page's RSC payload to the browser
 * (`self.__next_f.push([1,"…"])`): there the value is a string of the payload's JSON, itself inside a
 * JavaScript string, and is escaped twice, then as Next escapes the payload for HTML. React writes a
 * string that starts with `$` as `$$` in the payload; a value that starts a string gets the same.
 * The browser builds the page's React tree from the payload and hydrates the HTML with it, so both
 * must say the same.
 */

export type Slot =
  | { kind: "text"; name: string; script: boolean; startsString: boolean }
  | { kind: "nonce" }
  | { kind: "count"; grouped: boolean };

export interface DocumentTemplate {
  /**
   * The HTML with its slots cut out, as UTF-8 in one buffer: a page is mostly ASCII, which a string
   * holds in two bytes per character once the page has a euro sign, and the bytes are what every
   * answer writes. One buffer, not one per piece: a category page has over a thousand pieces.
   */
  bytes: Buffer;
  /** Where each piece of `bytes` ends: one more piece than slots. */
  ends: Uint32Array;
  slots: Slot[];
  /** The names of the texts the copy needs. */
  names: ReadonlySet<string>;
  /** The shape marks the render wrote (lib/http/personal-parts.ts), each once, sorted. */
  shape: string[];
}

const SCRIPT_OPEN = /<script\b/gi;

/** The [start, end) ranges of the document's inline scripts. */
function scriptRanges(html: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of html.matchAll(SCRIPT_OPEN)) {
    const end = html.indexOf("</script>", match.index);
    ranges.push([match.index, end === -1 ? html.length : end]);
  }
  return ranges;
}

function inRanges(ranges: Array<[number, number]>, index: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle]!;
    if (index < start) high = middle - 1;
    else if (index >= end) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * A string of its own. V8 keeps a part cut from a longer string as a view of it, so a mark's name kept
 * with a copy would keep the whole rendered page (440 kB as a string) alive beside the copy's bytes.
 */
function detached(part: string): string {
  return Buffer.from(part, "utf8").toString("utf8");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Cuts `html` (rendered with `nonce`, in a language that groups the count placeholder as
 * `groupedCount`) at its slots.
 */
export function compileDocument(html: string, options: { nonce: string; groupedCount: string }): DocumentTemplate {
  const raw = String(COUNT_PLACEHOLDER);
  const alternatives = [PLACEHOLDERS.source, escapeRegExp(options.nonce), `(?<!\\d)(${raw})(?!\\d)`];
  if (options.groupedCount !== raw) alternatives.push(`(?<![\\d.,])(${escapeRegExp(options.groupedCount)})(?!\\d)`);
  const pattern = new RegExp(alternatives.join("|"), "g");
  const ranges = scriptRanges(html);
  const pieces: string[] = [];
  const slots: Slot[] = [];
  // The same slot (a name, where it stands) is one object however often the page has it.
  const interned = new Map<string, Slot>();
  const slot = (made: Slot): Slot => {
    const key = JSON.stringify(made);
    const known = interned.get(key);
    if (known) return known;
    interned.set(key, made);
    return made;
  };
  const names = new Set<string>();
  let last = 0;
  for (const match of html.matchAll(pattern)) {
    pieces.push(html.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      const name = detached(match[1]);
      const script = inRanges(ranges, match.index);
      // In the payload a string opens with an escaped quote: `\"`.
      const startsString = script && html.slice(match.index - 2, match.index) === '\\"';
      slots.push(slot({ kind: "text", name, script, startsString }));
      names.add(name);
    } else if (match[2] !== undefined) slots.push(slot({ kind: "count", grouped: false }));
    else if (match[3] !== undefined) slots.push(slot({ kind: "count", grouped: true }));
    else slots.push(slot({ kind: "nonce" }));
  }
  pieces.push(html.slice(last));
  const ends = new Uint32Array(pieces.length);
  // Its own memory, not a share of Node's pool of small buffers: a copy lives for minutes.
  const bytes = Buffer.allocUnsafeSlow(pieces.reduce((sum, piece) => sum + Buffer.byteLength(piece, "utf8"), 0));
  let written = 0;
  pieces.forEach((piece, index) => {
    written += bytes.write(piece, written, "utf8");
    ends[index] = written;
  });
  const shape = [...html.matchAll(/<template data-portal-shape="([^"]*)"><\/template>/g)].map((match) =>
    detached(match[1]!),
  );
  // A mark written by each of a page's cards (its lists) counts once.
  return { bytes, ends, slots, names, shape: [...new Set(shape)].sort() };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };

/** As React escapes text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}

const SCRIPT_ESCAPES: Record<string, string> = {
  "&": "\\u0026",
  "<": "\\u003c",
  ">": "\\u003e",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/** A value as a part of a JSON string of the RSC payload, inside the JavaScript string of an inline script. */
export function escapeForPayload(text: string, startsString: boolean): string {
  const value = startsString && text.startsWith("$") ? `$${text}` : text;
  const inJson = JSON.stringify(value).slice(1, -1);
  const inScript = JSON.stringify(inJson).slice(1, -1);
  return inScript.replace(/[&<>\u2028\u2029]/g, (character) => SCRIPT_ESCAPES[character]!);
}

export interface DocumentValues {
  nonce: string;
  texts: Readonly<Record<string, string>>;
  /** The cart's line count as written and as the page's language groups it (when the copy has it). */
  count?: { raw: string; grouped: string };
}

/** The answer: the copy with this answer's values, as UTF-8. Throws when a value the copy needs is missing. */
export function fillDocument(template: DocumentTemplate, values: DocumentValues): Uint8Array<ArrayBuffer> {
  const piece = (index: number) => template.bytes.subarray(index ? template.ends[index - 1] : 0, template.ends[index]);
  const parts: Uint8Array[] = [piece(0)];
  template.slots.forEach((slot, index) => {
    let value: string;
    if (slot.kind === "nonce") value = values.nonce;
    else if (slot.kind === "count") {
      if (!values.count) throw new Error("the copy shows a cart count and none was given");
      value = slot.grouped ? values.count.grouped : values.count.raw;
    } else {
      const text = values.texts[slot.name];
      if (text === undefined) throw new Error(`no value for ${slot.name}`);
      value = slot.script ? escapeForPayload(text, slot.startsString) : escapeHtml(text);
    }
    parts.push(Buffer.from(value, "utf8"), piece(index + 1));
  });
  const answer = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    answer.set(part, offset);
    offset += part.byteLength;
  }
  return answer;
}
