import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

/**
 * A module that starts with "use server" makes every runtime export a public endpoint, callable by
 * anyone with a session and any payload. Such modules are the action files of a concept
 * (lib/<concept>/actions.ts) and nothing else: every runtime export an async function, and every one
 * that takes input validates it with a zod schema before anything else reads it.
 */
const ROOTS = ["app", "components", "lib"];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const serverModules = ROOTS.flatMap(sourceFiles).filter((file) =>
  /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(readFileSync(file, "utf8")),
);

describe("server action modules", () => {
  it("are found (the check reads the real tree)", () => {
    expect(serverModules.length).toBeGreaterThan(3);
  });

  it.each(serverModules)("%s is an action file of a concept", (file) => {
    expect(file).toMatch(/^lib\/[a-z0-9-]+\/actions\.ts$/);
  });

  it.each(serverModules)("%s exports only async functions (no types), each validating its input", (file) => {
    const source = readFileSync(file, "utf8");
    // Types too live beside the actions, not in their file: the file is the feature's list of endpoints.
    const runtimeExports = source.match(/^export\s[^\n]*/gm) ?? [];
    for (const line of runtimeExports) expect(line, `${file}: ${line}`).toMatch(/^export async function \w+\(/);
    for (const [, name, params, body] of source.matchAll(
      /^export async function (\w+)\(([^)]*)\)[^{]*\{([\s\S]*?)^\}/gm,
    )) {
      if (!params!.trim()) continue;
      // Each parameter it reads (not `_unused`) is first seen handed whole to a zod schema, directly
      // or through a reader that takes anything (formFields): no field of it is read before that.
      const names = params!
        .split(",")
        .map((param) => /^\s*(\w+)/.exec(param)?.[1] ?? "")
        .filter((param) => param && !param.startsWith("_"));
      expect(names.length, `${file}#${name} reads its input`).toBeGreaterThan(0);
      for (const param of names) {
        const first = new RegExp(`\\b${param}\\b`).exec(body!);
        const validated = new RegExp(`safeParse\\((\\w+\\()?${param}\\b`).exec(body!);
        const handedOver = validated ? validated.index + validated[0].length - param.length : -1;
        expect(first?.index, `${file}#${name}: ${param} is first read by safeParse`).toBe(handedOver);
      }
    }
  });
});
