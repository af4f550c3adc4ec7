import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { COMPILE_HINT, hintCompileOnLoad } from "../../scripts/lib/compile-hints.mjs";

/**
 * The build's compile hint (scripts/lib/compile-hints.mjs) on a dist folder laid out as `next build`
 * (Next 16, Turbopack) writes it: the bootstrap scripts are read from its `build-manifest.json`.
 * `e2e/page-load-work.spec.ts` checks the scripts the real build serves.
 */
describe("the compile hint of the bootstrap scripts", () => {
  let dist: string;
  const chunk = (name: string) => path.join(dist, "static/chunks", name);
  const source = (name: string) => `(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["${name}",1,e=>{}]);`;
  const manifest = {
    polyfillFiles: ["static/chunks/polyfills.js"],
    rootMainFiles: ["static/chunks/react-dom.js", "static/chunks/router.js", "static/chunks/turbopack-runtime.js"],
    rootMainFilesTree: {},
  };

  beforeEach(() => {
    dist = mkdtempSync(path.join(tmpdir(), "compile-hints-"));
    mkdirSync(path.join(dist, "static/chunks"), { recursive: true });
    for (const name of [
      "react-dom.js",
      "router.js",
      "turbopack-runtime.js",
      "cart-page.js",
      "scanner.js",
      "polyfills.js",
    ])
      writeFileSync(chunk(name), source(name));
    writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify(manifest));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  it("puts the hint at the top of every bootstrap script, and of nothing else", () => {
    const { hinted } = hintCompileOnLoad(dist);

    expect(hinted).toEqual(manifest.rootMainFiles);
    for (const name of ["react-dom.js", "router.js", "turbopack-runtime.js"])
      expect(readFileSync(chunk(name), "utf8")).toBe(COMPILE_HINT + source(name));
    // A page's own chunk, a chunk loaded later on demand and the polyfills modern browsers skip stay as written.
    for (const name of ["cart-page.js", "scanner.js", "polyfills.js"])
      expect(readFileSync(chunk(name), "utf8")).toBe(source(name));
  });

  it("takes a page's own bootstrap list when the build gives one per page", () => {
    writeFileSync(
      path.join(dist, "build-manifest.json"),
      JSON.stringify({ ...manifest, rootMainFilesTree: { "/(portal)/cart/page": ["static/chunks/cart-page.js"] } }),
    );
    expect(hintCompileOnLoad(dist).hinted).toContain("static/chunks/cart-page.js");
    expect(readFileSync(chunk("scanner.js"), "utf8")).toBe(source("scanner.js"));
  });

  it("is the first line, a comment: the script's own code follows unchanged", () => {
    hintCompileOnLoad(dist);
    const lines = readFileSync(chunk("react-dom.js"), "utf8").split("\n");
    expect(lines[0]).toBe("//# allFunctionsCalledOnLoad");
    expect(lines.slice(1).join("\n")).toBe(source("react-dom.js"));
  });

  it("changes nothing when the standalone folder is assembled again", () => {
    hintCompileOnLoad(dist);
    expect(hintCompileOnLoad(dist)).toEqual({ hinted: [], already: 3 });
    expect(readFileSync(chunk("router.js"), "utf8")).toBe(COMPILE_HINT + source("router.js"));
  });
});
