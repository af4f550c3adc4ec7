import { readFileSync } from "node:fs";
import path from "node:path";

import type { Locator, Page } from "@playwright/test";

/**
 * Server actions of the production build, and forms posted to them the way a browser posts a
 * `<form action={…}>` before hydration or without JavaScript.
 */

/** The build's server actions of one module (`lib/lists/actions`), by exported name. */
export function actionIds(module: string): Record<string, string> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  return Object.fromEntries(
    Object.entries(manifest.node)
      .filter(([, entry]) => entry.filename?.includes(module))
      .map(([id, entry]) => [entry.exportedName ?? "?", id]),
  );
}

/**
 * The multipart fields of a native post of a form whose action is a `useActionState` action, as
 * React renders it: the action with its bound previous state (`$ACTION_REF_…`), then the form's
 * own fields. (A bare `$ACTION_ID_…` field calls the action with the form as its first argument,
 * the previous state's place, so a `(previous, form)` action never reads the fields.)
 */
export function actionForm(
  actionId: string,
  fields: Record<string, string>,
  previous: unknown = { status: "idle" },
): Record<string, string> {
  return {
    $ACTION_REF_1: "",
    // React's reply format: the root names the action and its bound arguments, a promise of part 1.
    "$ACTION_1:0": JSON.stringify({ id: actionId, bound: "$@1" }),
    "$ACTION_1:1": JSON.stringify([previous]),
    ...fields,
  };
}

/**
 * The fields React rendered into a form for its action (`$ACTION_REF_…`, its bound state, and
 * `$ACTION_KEY`, by which the answer is shown in that form): read from a page without JavaScript,
 * where the server's form is left as it was sent.
 */
export async function renderedActionFields(form: Locator): Promise<Record<string, string>> {
  const inputs = form.locator('input[type="hidden"][name^="$ACTION_"]');
  const fields: Record<string, string> = {};
  for (let index = 0; index < (await inputs.count()); index++) {
    const input = inputs.nth(index);
    fields[(await input.getAttribute("name"))!] = (await input.getAttribute("value")) ?? "";
  }
  if (!Object.keys(fields).some((name) => name.startsWith("$ACTION_REF_"))) {
    throw new Error(`${form} has no server action of its own (found ${await form.count()} forms)`);
  }
  return fields;
}

/**
 * Posts `fields` through a form as a browser does without JavaScript (multipart, from the page's
 * origin), with the form's own action fields: the status, where it sends the browser, and the page
 * it answers with.
 */
export async function postThrough(
  page: Page,
  path: string,
  action: Record<string, string>,
  fields: Record<string, string>,
): Promise<{ status: number; location: string; body: string }> {
  const response = await page.request.post(path, {
    headers: { origin: new URL(page.url()).origin },
    multipart: { ...action, ...fields },
    maxRedirects: 0,
  });
  return { status: response.status(), location: response.headers()["location"] ?? "", body: await response.text() };
}
