import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { compileDocument, fillDocument } from "./document-template";
import { COUNT_PLACEHOLDER, PERSONAL_PLACEHOLDER, shapeMarkValue } from "./personal-placeholders";

/**
 * A shared copy filled with a user's values must say exactly what a render for that user says: in
 * the HTML as React writes it, and in the RSC payload's inline scripts as the browser reads them.
 */

const NONCE = "copyNonce00000000000000==";
const TRICKY = [
  "Daan de Vries",
  `O'Brien & "Zonen" <b>`,
  "$ dollar first",
  "</script><script>alert(1)</script>",
  "line\u2028separator \\ backslash",
  "Ünïcödé 🚐",
];

/** A page as Next writes it: HTML, then the payload as a JS string in a script (Next's escaping). */
function page(value: string, extra = ""): string {
  const html = renderToStaticMarkup(
    createElement("p", { title: value, "data-x": "1" }, value, createElement("span", null, `${value} (EA00001)`)),
  );
  const row = `5:${JSON.stringify(["$", "p", null, { title: value.startsWith("$") ? `$${value}` : value }])}\n`;
  const script = `self.__next_f.push([1,${JSON.stringify(row).replace(/[&<>\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)}])`;
  return `<html><body>${html}${extra}<script nonce="${NONCE}">${script}</script></body></html>`;
}

/** The title the browser's React gets from the page's payload: the script's string, its row, React's `$$` decoded. */
function payloadTitle(html: string): string {
  const literal = /self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/.exec(html)![1]!;
  const row = JSON.parse(literal) as string;
  const title = (JSON.parse(row.slice(2)) as [string, string, null, { title: string }])[3].title;
  return title.startsWith("$$") ? title.slice(1) : title;
}

const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("a shared copy filled with a user's values", () => {
  it.each(TRICKY)("says what a render for the user says: %j", (value) => {
    const template = compileDocument(page(PERSONAL_PLACEHOLDER("name")), { nonce: NONCE, groupedCount: "900,000,001" });
    expect([...template.names]).toEqual(["name"]);
    const filled = utf8(fillDocument(template, { nonce: "answerNonce0000000000000==", texts: { name: value } }));
    const expected = page(value).replace(NONCE, "answerNonce0000000000000==");
    // The HTML part byte for byte as React renders it for that user.
    expect(filled.slice(0, filled.indexOf("<script"))).toBe(expected.slice(0, expected.indexOf("<script")));
    expect(payloadTitle(filled)).toBe(value);
    // Nothing the user typed ends the script early.
    expect(filled.match(/<\/script>/g)).toHaveLength(1);
    expect(filled).not.toContain(NONCE);
  });

  it("throws rather than answer with a placeholder left in", () => {
    const template = compileDocument(page(PERSONAL_PLACEHOLDER("name")), { nonce: NONCE, groupedCount: "900,000,001" });
    expect(() => fillDocument(template, { nonce: "n", texts: {} })).toThrow(/no value for name/);
  });

  it("fills the cart count where it stands alone, as written and as grouped, and nowhere else", () => {
    const html = `<span class="sr-only">Cart, 900,000,001 lines</span><span>900000001</span><i>8719900000001</i><i>1.900.000.001</i><script nonce="${NONCE}">self.__next_f.push([1,"4:{\\"count\\":900000001}"])</script>`;
    const template = compileDocument(html, { nonce: NONCE, groupedCount: "900,000,001" });
    const filled = utf8(
      fillDocument(template, {
        nonce: "N2",
        texts: {},
        count: { raw: "1234", grouped: "1,234" },
      }),
    );
    expect(filled).toBe(
      `<span class="sr-only">Cart, 1,234 lines</span><span>1234</span><i>8719900000001</i><i>1.900.000.001</i><script nonce="N2">self.__next_f.push([1,"4:{\\"count\\":1234}"])</script>`,
    );
    expect(COUNT_PLACEHOLDER).toBe(900000001);
  });

  it("reads the shape marks the render wrote", () => {
    const marks = [shapeMarkValue("lists", 2), shapeMarkValue("favourite", "0104916:1"), shapeMarkValue("email", true)];
    const html = marks
      .map((mark) => renderToStaticMarkup(createElement("template", { "data-portal-shape": mark })))
      .join("");
    expect(compileDocument(html, { nonce: NONCE, groupedCount: "x" }).shape).toEqual([
      "email=1",
      "favourite=0104916:1",
      "lists=2",
    ]);
  });

  it("takes no placeholder name or shape value that could break out of where it stands", () => {
    expect(() => PERSONAL_PLACEHOLDER('name"')).toThrow();
    expect(() => shapeMarkValue("lists", '1"><script>')).toThrow();
  });
});
