// V8's compile hint for the scripts every page runs while it loads. Without it, V8 compiles a function the
// first time it is called, on the page's main thread: Turbopack wraps every module in a function, so
// React DOM's and the app router's modules are compiled in the task that hydrates the page, which is
// what Total Blocking Time counts. With `//# allFunctionsCalledOnLoad` as a script's first line,
// Chromium (136 and later) compiles all its functions while the script streams in, on a background
// thread. Other browsers read a comment.
//
// Only the bootstrap scripts every page loads get it (`rootMainFiles` of the build's
// `build-manifest.json`: React DOM, the app router, Turbopack's runtime), where most of a page's
// start-up code is. The pages' own chunks are small, and a chunk loaded later on demand (the barcode
// reader's) has functions that mostly never run. The file names stay as Next wrote them: the hint is
// part of every copy served of this build.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * Puts the hint at the top of the bootstrap scripts of the build in `distDir` (before the standalone
 * folder copies them). Running it again changes nothing.
 * @param {string} distDir
 * @returns {{ hinted: string[]; already: number }}
 */
export function hintCompileOnLoad(distDir) {
  /** @type {{ rootMainFiles: string[]; rootMainFilesTree?: Record<string, string[]> }} */
  const manifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8"));
  const files = new Set([...manifest.rootMainFiles, ...Object.values(manifest.rootMainFilesTree ?? {}).flat()]);
  const hinted = [];
  let already = 0;
  for (const file of [...files].filter((name) => name.endsWith(".js")).sort()) {
    const full = path.join(distDir, file);
    const source = readFileSync(full, "utf8");
    if (source.startsWith(COMPILE_HINT)) {
      already += 1;
      continue;
    }
    writeFileSync(full, COMPILE_HINT + source);
    hinted.push(file);
  }
  return { hinted, already };
}
