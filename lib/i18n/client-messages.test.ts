import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

import { isClient, isServerActions, resolveImport, ROOT, runtimeImports } from "@/tests/fixtures/source-imports";

import {
  FEATURE_NAMESPACES,
  SHELL_NAMESPACES,
  clientMessages,
  sentNamespaces,
  type MessageFeature,
} from "./client-messages";

const APP = path.join(ROOT, "app");
/** The files Next renders for a route: its page, and what wraps it or stands in for it. */
const ROUTE_FILE = /^(page|layout|error|not-found|global-error)\.tsx$/;

/** The namespaces a file translates: `useTranslations("ns")`, and the first part of keys of a root translator. */
function namespacesOf(text: string): string[] {
  const found = [...text.matchAll(/useTranslations\("([^"]+)"\)/g)].map((match) => match[1]!);
  if (/useTranslations\(\)/.test(text)) {
    // A whole key ("product.listPrice") needs that message; a key built at run time (`product.${kind}`)
    // the namespace before it.
    for (const match of text.matchAll(/\bts?\([`"]([a-zA-Z]+(?:\.[a-zA-Z]+)+)[`"]/g)) found.push(match[1]!);
    for (const match of text.matchAll(/\bts?\(`([a-zA-Z]+(?:\.[a-zA-Z]+)*)\.\$\{/g)) found.push(match[1]!);
  }
  return found;
}

/** A namespace a client component translates, the file that does, and the messages it gets there. */
interface Translated {
  namespace: string;
  where: string;
  sent: readonly string[];
}

/**
 * The messages a server file (not a layout, whose provider wraps its children and not its imports)
 * gives everything it imports by rendering a provider: `<OwnMessages>` a feature's alone,
 * `<FeatureMessages>` the feature's and the shell's.
 */
function providedBy(file: string, text: string): readonly string[] | undefined {
  if (path.basename(file) === "layout.tsx") return undefined;
  const own = /<OwnMessages feature="([a-zA-Z]+)"/.exec(text);
  if (own) return FEATURE_NAMESPACES[own[1] as MessageFeature];
  const feature = /<FeatureMessages feature="([a-zA-Z]+)"/.exec(text);
  return feature ? sentNamespaces(feature[1] as MessageFeature) : undefined;
}

/**
 * What the client components a route file reaches translate (its imports walked, static and
 * `import()`, server and client; everything a client file imports runs in the browser too), each
 * with a file that does and the messages sent to it: the route's, or a provider's on the way.
 */
function clientTranslations(entry: string, routeSent: readonly string[]): Translated[] {
  const pending: Array<[string, boolean, readonly string[]]> = [[entry, false, routeSent]];
  const seen = new Set<string>();
  const found: Translated[] = [];
  while (pending.length) {
    const [file, underClient, sent] = pending.pop()!;
    const text = readFileSync(file, "utf8");
    const client = underClient || isClient(text);
    const key = `${file}:${client}:${sent.join()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (client)
      for (const namespace of namespacesOf(text)) found.push({ namespace, where: path.relative(ROOT, file), sent });
    const sentBelow = (!client && providedBy(file, text)) || sent;
    // lazy(() => import("./part")) among them: loaded later, translated with the same provider.
    for (const specifier of runtimeImports(text)) {
      const target = resolveImport(file, specifier);
      if (target && !isServerActions(readFileSync(target, "utf8"))) pending.push([target, client, sentBelow]);
    }
  }
  return found;
}

/** The namespaces a route file's client components translate, each with a file that does. */
const clientNamespaces = (entry: string) =>
  new Map(clientTranslations(entry, []).map(({ namespace, where }) => [namespace, where]));

/** The feature a layout file provides the messages of, if any. */
function featureOf(layout: string): MessageFeature | undefined {
  if (!existsSync(layout)) return undefined;
  const match = /<FeatureMessages feature="([a-zA-Z]+)"/.exec(readFileSync(layout, "utf8"));
  return match ? (match[1] as MessageFeature) : undefined;
}

/** What a route file's client components get: the nearest enclosing layout's feature, or the shell's. */
function namespacesSentTo(file: string): readonly string[] {
  let folder = path.dirname(file);
  // A layout wraps its segment's page, error and not-found, but not itself: start above a layout.
  if (path.basename(file) === "layout.tsx") folder = path.dirname(folder);
  for (; folder.startsWith(APP); folder = path.dirname(folder)) {
    const feature = featureOf(path.join(folder, "layout.tsx"));
    if (feature) return sentNamespaces(feature);
  }
  return SHELL_NAMESPACES;
}

const covers = (sent: readonly string[], namespace: string) =>
  sent.some((name) => namespace === name || namespace.startsWith(`${name}.`));

const routeFiles = readdirSync(APP, { recursive: true, encoding: "utf8" })
  .filter((file) => ROUTE_FILE.test(path.basename(file)))
  .map((file) => path.join(APP, file));

describe("client messages per route", () => {
  it("sends every route the namespaces its client components translate", () => {
    expect(routeFiles.length).toBeGreaterThan(25);
    const missing = routeFiles.flatMap((file) => {
      return clientTranslations(file, namespacesSentTo(file))
        .filter(({ namespace, sent }) => !covers(sent, namespace))
        .map(({ namespace, where }) => `${path.relative(ROOT, file)}: ${namespace} (${where})`);
    });
    expect(missing).toEqual([]);
  });

  it("finds what it checks: a product card's controls need the products feature, the search box the shell", () => {
    const category = clientNamespaces(path.join(APP, "(portal)/catalogue/[...code]/page.tsx"));
    expect([...category.keys()]).toEqual(expect.arrayContaining(["cart", "favourites", "lists.addTo"]));
    expect(namespacesSentTo(path.join(APP, "(portal)/catalogue/[...code]/page.tsx"))).toEqual(
      sentNamespaces("products"),
    );
    expect(namespacesSentTo(path.join(APP, "offline/page.tsx"))).toEqual(SHELL_NAMESPACES);
    expect([...clientNamespaces(path.join(APP, "(portal)/layout.tsx")).keys()]).toContain("searchBox");
  });

  it("sends staff's acting messages only with staff's parts of the shell, not with every page", () => {
    expect(SHELL_NAMESPACES).not.toContain("acting");
    const shell = clientTranslations(path.join(APP, "(portal)/layout.tsx"), SHELL_NAMESPACES);
    const acting = shell.filter(({ namespace }) => namespace === "acting");
    expect(acting.map(({ where }) => where).sort()).toEqual([
      "components/acting/acting-banner.tsx",
      "components/acting/customer-switcher.tsx",
    ]);
    for (const { sent } of acting) expect(sent).toEqual(["acting"]);
    expect(namespacesSentTo(path.join(APP, "(portal)/customers/page.tsx"))).toEqual(sentNamespaces("acting"));
  });

  it("sends a page without a feature the shell's namespaces only, whole, in both languages", () => {
    for (const messages of [en, nl]) {
      const sent = clientMessages(messages);
      expect(Object.keys(sent).sort()).toEqual([...new Set(SHELL_NAMESPACES.map((name) => name.split(".")[0]))].sort());
      expect(sent.searchBox).toEqual(messages.searchBox);
      expect(JSON.stringify(sent).length).toBeLessThan(JSON.stringify(messages).length / 4);
    }
  });

  it("sends a feature's namespaces and the shell's, and of a nested namespace only that part", () => {
    for (const feature of Object.keys(FEATURE_NAMESPACES) as MessageFeature[]) {
      for (const messages of [en, nl]) {
        const sent = clientMessages(messages, feature);
        for (const namespace of sentNamespaces(feature)) {
          const value = namespace
            .split(".")
            .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], sent);
          expect(value, `${feature}: ${namespace}`).toBeDefined();
        }
      }
    }
    const products = clientMessages(en, "products") as typeof en;
    expect(products.lists.addTo).toEqual(en.lists.addTo);
    expect(products.lists).not.toHaveProperty("create");
    expect(products).not.toHaveProperty("checkout");
  });
});
