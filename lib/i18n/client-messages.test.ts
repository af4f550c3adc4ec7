import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

import { CLIENT_NAMESPACES, clientMessages } from "./client-messages";

const ROOT = process.cwd();
const SOURCE = /\.tsx?$/;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => SOURCE.test(file) && !file.includes(".test."))
    .map((file) => path.join(ROOT, folder, file));
}

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : null;
  if (!base) return null;
  return [`${base}.tsx`, `${base}.ts`, path.join(base, "index.ts")].find((file) => existsSync(file)) ?? null;
}

/** Every source file of the browser bundle: "use client" files and what they import, transitively. */
function clientFiles(): Set<string> {
  const pending = ["app", "components", "lib"]
    .flatMap(sourceFiles)
    .filter((file) => /^\s*["']use client["']/.test(readFileSync(file, "utf8")));
  const seen = new Set<string>();
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/^import (?!type)[^;]*? from "([^"]+)";/gms)) {
      const target = resolveImport(file, match[1]!);
      if (target && !/["']use server["']/.test(readFileSync(target, "utf8").slice(0, 40))) pending.push(target);
    }
  }
  return seen;
}

/** The namespaces a file translates: `useTranslations("ns")`, and the first part of keys of a root translator. */
function namespacesOf(text: string): string[] {
  const found = [...text.matchAll(/useTranslations\("([^"]+)"\)/g)].map((match) => match[1]!);
  if (/useTranslations\(\)/.test(text)) {
    for (const match of text.matchAll(/\bts?\([`"]([a-zA-Z]+)\./g)) found.push(match[1]!);
  }
  return found;
}

const covered = (namespace: string) =>
  CLIENT_NAMESPACES.some((sent) => namespace === sent || namespace.startsWith(`${sent}.`));

describe("clientMessages", () => {
  it("sends the browser every namespace a client component translates", () => {
    const files = clientFiles();
    expect(files.size).toBeGreaterThan(20);
    const missing = [...files].flatMap((file) =>
      namespacesOf(readFileSync(file, "utf8"))
        .filter((namespace) => !covered(namespace))
        .map((namespace) => `${path.relative(ROOT, file)}: ${namespace}`),
    );
    expect(missing).toEqual([]);
  });

  it("sends only those namespaces, whole, in both languages", () => {
    for (const messages of [en, nl]) {
      const sent = clientMessages(messages);
      expect(sent).not.toHaveProperty("home");
      expect(sent).not.toHaveProperty("admin");
      expect(sent.cart).toEqual(messages.cart);
      expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(messages).length);
      for (const namespace of CLIENT_NAMESPACES) {
        const value = namespace
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], sent);
        expect(value, namespace).toBeDefined();
      }
    }
  });
});
