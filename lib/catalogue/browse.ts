import "server-only";

import type { SessionToken } from "@/lib/auth/session-types";
import { getDatabaseHandle } from "@/lib/db";

import { CacheTags } from "./cache";
import { cachedRead } from "./cache-queries";

import { decodeSegment, type SearchParams } from "./input";
import { parseListParams, type ListParams } from "./list-params";
import { mayListProducts } from "./orderable";
import { categoryByCode, categoryProducts, categoryTitles, categoryTree } from "./queries";
import type { CategoryNode, ProductPage } from "./types";
import { showsPricesIncVat } from "./vat-preference";

/**
 * Browsing the catalogue by category. Listing products is the upstream's PRODUCT_LIST feature:
 * without it a person gets no categories and no product lists, only the way to order by code.
 */

export type BrowseCategories = { kind: "listing-not-allowed" } | { kind: "categories"; roots: CategoryNode[] };

/**
 * The shared reads of browsing, through the catalogue cache (lib/catalogue/cache.ts): the same for
 * every dealer, so only asked after the permission check, and invalidated by the sync.
 */
async function tree(): Promise<CategoryNode[]> {
  const handle = await getDatabaseHandle();
  return cachedRead(handle, "tree", [CacheTags.tree], () => categoryTree(handle.db));
}

async function categoryRow(code: string) {
  const handle = await getDatabaseHandle();
  return cachedRead(handle, `category:${code}`, [CacheTags.tree], () => categoryByCode(handle.db, code));
}

/** The root categories of the catalogue. */
export async function browseCategories(session: SessionToken): Promise<BrowseCategories> {
  if (!mayListProducts(session)) return { kind: "listing-not-allowed" };
  return { kind: "categories", roots: await tree() };
}

const CODE = /^[A-Za-z0-9._-]{1,100}$/;
const MAX_DEPTH = 6;

export type ShowCategory =
  | { kind: "not-found" }
  | { kind: "listing-not-allowed" }
  /** An outdated or partial path: the category's own address, with the list state kept. */
  | { kind: "moved"; pathCodes: string[]; list: ListParams }
  | {
      kind: "category";
      category: { code: string; title: string; pathCodes: string[] };
      trail: { code: string; title: string }[];
      roots: CategoryNode[];
      children: CategoryNode[];
      list: ListParams;
      page: ProductPage;
      incVat: boolean;
    };

/** The path codes of a category address, or null when they cannot name one (malformed, too deep, odd characters). */
export function categoryPath(rawSegments: readonly string[]): string[] | null {
  if (!rawSegments.length || rawSegments.length > MAX_DEPTH) return null;
  const segments = rawSegments.map(decodeSegment);
  return segments.every((segment): segment is string => segment !== null && CODE.test(segment)) ? segments : null;
}

/**
 * The catalogue cache's tags of what a category page shows (its copies follow them): the tree, every
 * listing, and the category's own, which the sync bumps for every change of a product listed in it,
 * its stock colour too (the default order puts products in stock first).
 */
export function categoryPageTags(code: string): string[] {
  return [CacheTags.tree, CacheTags.listings, CacheTags.category(code)];
}

/**
 * A category with one page of its products (and its sub-categories'), in the list state of the URL.
 * `incVat`: the VAT display when the caller read it already (outside a render, where there is no
 * request to read the cookie from); else the request's.
 */
export async function showCategory(
  session: SessionToken,
  input: { path: readonly string[]; params?: SearchParams; incVat?: boolean },
): Promise<ShowCategory> {
  const segments = categoryPath(input.path);
  if (!segments) return { kind: "not-found" };
  if (!mayListProducts(session)) return { kind: "listing-not-allowed" };
  const handle = await getDatabaseHandle();
  const category = await categoryRow(segments.at(-1)!);
  if (!category) return { kind: "not-found" };
  const list = parseListParams(input.params ?? {});
  if (segments.join("/") !== category.pathCodes.join("/"))
    return { kind: "moved", pathCodes: category.pathCodes, list };
  const [roots, titles, page, incVat] = await Promise.all([
    tree(),
    cachedRead(handle, `titles:${category.pathCodes.join("/")}`, [CacheTags.tree], () =>
      categoryTitles(handle.db, category.pathCodes),
    ),
    cachedRead(
      handle,
      `listing:${JSON.stringify([category.code, list.filters, list.sort, list.page])}`,
      [CacheTags.listings, CacheTags.stock, CacheTags.category(category.code)],
      () => categoryProducts(handle.db, { categoryCode: category.code, ...list }),
    ),
    input.incVat ?? showsPricesIncVat(),
  ]);
  const findNode = (nodes: CategoryNode[], depth: number): CategoryNode | undefined => {
    const node = nodes.find((item) => item.code === category.pathCodes[depth]);
    if (!node || depth === category.pathCodes.length - 1) return node;
    return findNode(node.children, depth + 1);
  };
  return {
    kind: "category",
    category: { code: category.code, title: category.title, pathCodes: category.pathCodes },
    trail: category.pathCodes.map((code) => ({ code, title: titles.get(code) ?? code })),
    roots,
    children: findNode(roots, 0)?.children ?? [],
    list,
    page,
    incVat,
  };
}

/** Only the title of a category, for the page's metadata; null where the category page shows none. */
export async function categoryTitle(session: SessionToken, path: readonly string[]): Promise<string | null> {
  const segments = categoryPath(path);
  if (!segments || !mayListProducts(session)) return null;
  return (await categoryRow(segments.at(-1)!))?.title ?? null;
}
