import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { isClient, isServerActions, resolveImport, ROOT, runtimeImports } from "@/tests/fixtures/source-imports";

/**
 * What the browser is sent stays small (issue 19: first-load JavaScript): packages that only the
 * server needs, or that the portal does without, never reach a client component through the modules
 * it imports. zod's full build
 * adds about 30 kB (gzip) to a page; the browser's schemas (sign-in, checkout, an order's status)
 * use its mini build, and the modules a client component imports for a constant or a helper (the
 * address fields, the scanned-code helpers) import no zod at all.
 */
const KEPT_OUT: Record<string, string> = {
  zod: 'zod\'s full build: the browser uses "zod/mini"',
  "drizzle-orm": "the database",
  "@electric-sql/pglite": "the database",
  pg: "the database",
  "next-auth": "the session's server side",
  "next-auth/react": "next-auth's client: the sign-in forms call the portal's server actions",
};

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(ROOT, folder, file));
}

/** Every module a client component runs, each with the chain of imports that brings it there. */
function browserModules(): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const pending: Array<[string, string[]]> = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((file) => isClient(readFileSync(file, "utf8")))
    .map((file) => [file, [path.relative(ROOT, file)]]);
  while (pending.length) {
    const [file, chain] = pending.pop()!;
    if (reached.has(file)) continue;
    reached.set(file, chain);
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      const target = resolveImport(file, specifier);
      if (target && !isServerActions(readFileSync(target, "utf8")))
        pending.push([target, [...chain, path.relative(ROOT, target)]]);
    }
  }
  return reached;
}

/** The packages the browser's modules import, each with one chain that imports it. */
function browserPackages(): Map<string, string> {
  const packages = new Map<string, string>();
  for (const [file, chain] of browserModules()) {
    for (const specifier of runtimeImports(readFileSync(file, "utf8"))) {
      if (specifier.startsWith("@/") || specifier.startsWith(".")) continue;
      if (!packages.has(specifier)) packages.set(specifier, chain.join(" → "));
    }
  }
  return packages;
}

describe("what the browser imports", () => {
  const packages = browserPackages();

  it("reads the real graph: client components and the lib modules they import", () => {
    const modules = [...browserModules().keys()].map((file) => path.relative(ROOT, file));
    expect(modules).toEqual(expect.arrayContaining(["components/scan/scanner.tsx", "lib/scan/codes.ts"]));
    expect(modules).toContain("lib/checkout/schema.ts");
    // Server actions are references in the browser: their modules are not walked.
    expect(modules).not.toContain("lib/checkout/actions.ts");
    expect(packages.has("zod/mini")).toBe(true);
    expect(packages.has("react-hook-form")).toBe(true);
  });

  it.each(Object.entries(KEPT_OUT))("never imports %s (%s)", (name) => {
    expect(packages.get(name), `imported by ${packages.get(name)}`).toBeUndefined();
  });
});
