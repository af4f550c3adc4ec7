import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  isClient,
  isServerActions,
  resolveImport,
  ROOT,
  runtimeImports,
  staticImports,
} from "@/tests/fixtures/source-imports";

/**
 * What the browser is sent stays small (issue 19: first-load JavaScript): packages that only the
 * server needs, or that the portal does without, never reach a client component through the modules
 * it imports. zod's full build adds about 30 kB (gzip) to a page; the browser's schemas (sign-in,
 * checkout) use its mini build, loaded when a form is first used, and the modules a client component
 * imports for a constant or a helper (the address fields, the scanned-code helpers) import no zod.
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

/**
 * Loaded when first needed, never with a page: the form schemas' library and its react-hook-form
 * adapter, about 18 kB (gzip) of the sign-in and checkout pages (components/forms/deferred-resolver.ts).
 */
const LOADED_LATER: Record<string, string> = {
  "zod/mini": "the form schemas, loaded when a form is first used",
  "@hookform/resolvers/zod": "the schemas' adapter, loaded with them",
};

type Imports = (text: string) => string[];

/**
 * Every module a client component runs (`runtimeImports`), or that comes with its page
 * (`staticImports`), each with the chain of imports that brings it there.
 */
function browserModules(imports: Imports = runtimeImports): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const pending: Array<[string, string[]]> = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((file) => isClient(readFileSync(file, "utf8")))
    .map((file) => [file, [path.relative(ROOT, file)]]);
  while (pending.length) {
    const [file, chain] = pending.pop()!;
    if (reached.has(file)) continue;
    reached.set(file, chain);
    for (const specifier of imports(readFileSync(file, "utf8"))) {
      const target = resolveImport(file, specifier);
      if (target && !isServerActions(readFileSync(target, "utf8")))
        pending.push([target, [...chain, path.relative(ROOT, target)]]);
    }
  }
  return reached;
}

/** The packages the browser's modules import, each with one chain that imports it. */
function browserPackages(imports: Imports = runtimeImports): Map<string, string> {
  const packages = new Map<string, string>();
  for (const [file, chain] of browserModules(imports)) {
    for (const specifier of imports(readFileSync(file, "utf8"))) {
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

  const withThePage = browserPackages(staticImports);

  it.each(Object.entries(LOADED_LATER))("loads %s only when needed (%s)", (name) => {
    expect(packages.has(name), `${name} is no longer used in the browser`).toBe(true);
    expect(withThePage.get(name), `imported with a page by ${withThePage.get(name)}`).toBeUndefined();
  });
});
