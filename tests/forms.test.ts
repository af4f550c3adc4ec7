import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * No form falls back to a GET with what the user typed (issue 21). Every `<form` written in app/
 * and components/ names its method: a change posts (`method="post"` with a server action or a
 * route that answers a POST), and only reads are GET forms, whose fields may be in the address: a
 * search form (role="search") or one of the reads listed below (filters, sorting, an export). A
 * form without a method is submitted as a GET before hydration or without JavaScript, with its
 * fields in the URL. The rendered pages are checked too, in e2e/no-javascript-shell.spec.ts.
 */
const ROOTS = ["app", "components"];

/** GET forms that are reads without being a search (role="search"): added here on purpose, never by accident. */
const READ_FORMS: Record<string, string> = {
  "components/shell/search-box.tsx": "the header's catalogue search (/search)",
  "components/catalogue/order-by-code.tsx": "look up a product by code (/search)",
  "components/catalogue/list-controls.tsx": "sorting and filters of a product list",
  "components/orders/order-filters.tsx": "filters of the order list (/orders)",
  "components/orders/export-form.tsx": "download of the order list as a file (/orders/export)",
  "components/acting/audit-filters.tsx": "filters of the audit log (/admin)",
  "components/acting/customer-switcher.tsx": "the customer search of the switcher (/customers)",
  "app/(portal)/customers/page.tsx": "the customer search page (/customers)",
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.tsx$/.test(name) && !/\.test\.tsx$/.test(name) ? [full] : [];
  });
}

interface FormTag {
  file: string;
  line: number;
  attributes: string;
}

/** The opening `<form …>` tags of a JSX file, attributes as written (braces may hold `>`). */
function formTags(file: string, source: string): FormTag[] {
  const tags: FormTag[] = [];
  for (const match of source.matchAll(/<form(?=[\s>])/g)) {
    let depth = 0;
    let index = match.index + "<form".length;
    for (; index < source.length; index++) {
      const char = source[index];
      if (char === "{") depth++;
      else if (char === "}") depth--;
      else if (char === ">" && depth === 0) break;
    }
    tags.push({
      file,
      line: source.slice(0, match.index).split("\n").length,
      attributes: source.slice(match.index + "<form".length, index),
    });
  }
  return tags;
}

const methodOf = (attributes: string) => /\bmethod=["'{]?\s*["']?(get|post)["']?/i.exec(attributes)?.[1]?.toLowerCase();
/** `action={…}` that is not a string: a function, which React posts. */
const functionAction = (attributes: string) => /\baction=\{(?!\s*["'`])/.test(attributes);

const forms = ROOTS.flatMap(sourceFiles).flatMap((file) => formTags(file, readFileSync(file, "utf8")));

describe("forms", () => {
  it("are found (the check reads the real tree)", () => {
    expect(forms.length).toBeGreaterThan(10);
    expect(formTags("x.tsx", `<form method="post" action={() => go(a > b)} className="x">`)[0]?.attributes).toBe(
      ` method="post" action={() => go(a > b)} className="x"`,
    );
  });

  it.each(forms.map((form) => [`${form.file}:${form.line}`, form] as const))(
    "%s posts, or is a listed GET read",
    (_, form) => {
      const where = `${form.file}:${form.line}`;
      const method = methodOf(form.attributes);
      if (method === undefined) {
        // React renders a form whose action is a function (a server action) with method="POST"; any
        // other form without a method is a GET with its fields in the address.
        expect(functionAction(form.attributes), `${where} has no method="post" and no server action`).toBe(true);
      } else if (method === "post") {
        // A post names its action (a server action or a route answering POST), not "the page again".
        expect(/\baction=/.test(form.attributes), `${where} posts without an action`).toBe(true);
      } else {
        // A read: a search form (role="search") or one of the listed reads.
        const read = /\brole=["']search["']/.test(form.attributes) || READ_FORMS[form.file] !== undefined;
        expect(read, `${where} is a GET form but neither a search nor a listed read: a change must post`).toBe(true);
      }
    },
  );
});
