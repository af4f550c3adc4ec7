import { inArray, notInArray, sql } from "drizzle-orm";

import type { Database } from "@/lib/db/client";
import { categories, products } from "@/lib/db/schema";
import type { Category } from "@/lib/domain/category";

/** A category of the tree as one row: its parent and its place among its siblings. */
export interface CategoryRecord {
  code: string;
  upstreamId: string;
  title: string;
  level: number;
  parentCode: string | null;
  pathCodes: string[];
  position: number;
  isGroup: boolean;
  media: Category["media"];
}

/** The nested tree as rows, parents before children. A code seen twice keeps its first place. */
export function flattenCategoryTree(roots: readonly Category[]): CategoryRecord[] {
  const records: CategoryRecord[] = [];
  const seen = new Set<string>();
  const visit = (nodes: readonly Category[], parent: CategoryRecord | null) => {
    nodes.forEach((node, position) => {
      if (seen.has(node.code)) return;
      seen.add(node.code);
      const pathCodes =
        parent && node.pathCodes.at(-2) !== parent.code ? [...parent.pathCodes, node.code] : node.pathCodes;
      const record: CategoryRecord = {
        code: node.code,
        upstreamId: node.id,
        title: node.title,
        level: node.level,
        parentCode: parent?.code ?? (pathCodes.length > 1 ? (pathCodes.at(-2) ?? null) : null),
        pathCodes,
        position,
        isGroup: node.isGroup,
        media: node.media,
      };
      records.push(record);
      visit(node.children, record);
    });
  };
  visit(roots, null);
  return records;
}

export interface CategoryStoreResult {
  stored: number;
  removed: number;
  /** Whether any category moved (its path changed) or disappeared: products' category paths need recomputing. */
  pathsChanged: boolean;
}

const BATCH = 500;

/**
 * Replaces the stored tree by the upstream's: every category upserted, categories no longer in the
 * tree deleted (products keep their codes; they are the upstream's). An empty tree changes nothing,
 * so a broken answer cannot wipe the sidebar.
 */
export async function storeCategoryTree(
  db: Database,
  roots: readonly Category[],
  now: Date,
): Promise<CategoryStoreResult> {
  const records = flattenCategoryTree(roots);
  if (records.length === 0) return { stored: 0, removed: 0, pathsChanged: false };
  const before = await loadCategoryPaths(db);
  for (let start = 0; start < records.length; start += BATCH) {
    const rows = records.slice(start, start + BATCH).map((record) => ({ ...record, syncedAt: now }));
    await db
      .insert(categories)
      .values(rows)
      .onConflictDoUpdate({
        target: categories.code,
        set: {
          upstreamId: sql`excluded.upstream_id`,
          title: sql`excluded.title`,
          level: sql`excluded.level`,
          parentCode: sql`excluded.parent_code`,
          pathCodes: sql`excluded.path_codes`,
          position: sql`excluded.position`,
          isGroup: sql`excluded.is_group`,
          media: sql`excluded.media`,
          syncedAt: sql`excluded.synced_at`,
        },
      });
  }
  const codes = records.map((record) => record.code);
  const removed = await db
    .delete(categories)
    .where(notInArray(categories.code, codes))
    .returning({ code: categories.code });
  const pathsChanged =
    removed.length > 0 ||
    records.some((record) => {
      const previous = before.get(record.code);
      return previous !== undefined && previous.join(",") !== record.pathCodes.join(",");
    });
  return { stored: records.length, removed: removed.length, pathsChanged };
}

/** Code → path of codes from the root, of every stored category. */
export async function loadCategoryPaths(db: Database): Promise<Map<string, string[]>> {
  const rows = await db.select({ code: categories.code, pathCodes: categories.pathCodes }).from(categories);
  return new Map(rows.map((row) => [row.code, row.pathCodes]));
}

/** Whether every code is a stored category. */
export async function categoriesExist(db: Database, codes: readonly string[]): Promise<boolean> {
  if (codes.length === 0) return true;
  const unique = [...new Set(codes)];
  const rows = await db.select({ code: categories.code }).from(categories).where(inArray(categories.code, unique));
  return rows.length === unique.length;
}

/** After the tree changed: every product's category paths again from the stored paths of its categories. */
export async function recomputeCategoryPaths(db: Database): Promise<void> {
  await db.execute(sql`
    update ${products} p set category_paths = coalesce((
      select array_agg(distinct code order by code) from (
        select unnest(c.path_codes) as code from ${categories} c where c.code = any(p.category_codes)
        union select unnest(p.category_codes)
      ) codes
    ), '{}'::text[])`);
}

export async function categoryCount(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(categories);
  return row?.count ?? 0;
}
