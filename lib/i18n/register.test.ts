import { readFileSync } from "node:fs";
import path from "node:path";

import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import GlobalError from "@/app/global-error";

/**
 * The Dutch catalogue speaks to dealers in one register: "u/uw", as business software does.
 * Read from disk (not imported) so that the test sees every string added since the last build.
 */
const INFORMAL = /(?<![\p{L}\p{N}])(je|jij|jou|jouw|jouwe|jullie|jezelf|jijzelf)(?![\p{L}\p{N}])/iu;

function strings(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, child]) => strings(child, prefix ? `${prefix}.${key}` : key));
}

function informalMessages(catalogue: unknown): string[] {
  return strings(catalogue)
    .filter(([, text]) => INFORMAL.test(text))
    .map(([key, text]) => `${key}: ${text}`);
}

describe("Dutch register", () => {
  it("no Dutch message says je, jij, jouw or jullie", () => {
    const nl: unknown = JSON.parse(readFileSync(path.join(process.cwd(), "messages/nl.json"), "utf8"));
    expect(informalMessages(nl)).toEqual([]);
  });

  it("the last-resort error page, which has no catalogue, says its Dutch formally and marks it as Dutch", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: new Error("x"), reset: () => {} }));
    const dutch = [...html.matchAll(/<span lang="nl">([^<]*)<\/span>/g)].map((match) => match[1]!);
    expect(dutch).toHaveLength(3);
    expect(dutch.filter((text) => INFORMAL.test(text))).toEqual([]);
    // Each bilingual text is "English · Dutch", the Dutch half inside its lang="nl" span.
    const halves = [...html.matchAll(/ · (<span lang="nl">)?/g)];
    expect(halves).toHaveLength(3);
    expect(halves.every((match) => match[1])).toBe(true);
  });

  it("the check finds the informal words and leaves formal Dutch and words containing them alone", () => {
    expect(
      informalMessages({
        a: "Meld je aan.",
        b: "Jij bestelt voor {company}",
        c: "Bedoelde je: {query}?",
        d: "Jouw winkelwagen",
        e: "Jullie bestellingen",
      }),
    ).toHaveLength(5);
    expect(
      informalMessages({
        a: "Meld u aan met het account dat u van de groothandel heeft gekregen.",
        b: "Uw winkelwagen is leeg.",
        c: "Een tasje, een jerrycan en een bajonetfitting",
        d: "Het rijtje van {count} regels",
      }),
    ).toEqual([]);
  });
});
