import { useTranslations } from "next-intl";

import { Link } from "@/components/link";
import type { CategoryNode } from "@/lib/catalogue/types";

export function categoryHref(pathCodes: string[]): string {
  return `/catalogue/${pathCodes.map(encodeURIComponent).join("/")}`;
}

function Branch({ nodes, activePath, depth }: { nodes: CategoryNode[]; activePath: string[]; depth: number }) {
  return (
    <ul className={depth > 0 ? "ml-3 border-l border-slate-200 pl-2" : ""}>
      {nodes.map((node) => {
        const onPath = activePath[depth] === node.code;
        const current = onPath && activePath.length === depth + 1;
        return (
          <li key={node.code}>
            <Link
              href={categoryHref(node.pathCodes)}
              aria-current={current ? "page" : undefined}
              className={`block rounded px-2 py-3 text-sm hover:bg-brand-50 lg:py-2 ${current ? "bg-brand-100 font-semibold text-brand-900" : onPath ? "font-semibold text-slate-900" : "text-slate-700"}`}
            >
              {node.title}
            </Link>
            {onPath && node.children.length ? (
              <Branch nodes={node.children} activePath={activePath} depth={depth + 1} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The category tree, drawn once: a disclosure ("drawer") on phones, opened by its summary, and a
 * sidebar on wide screens, where app/globals.css shows the closed disclosure's content and hides its
 * summary (`::details-content`; a browser without it shows the disclosure there too).
 */
export function CategoryTree({ roots, activePath }: { roots: CategoryNode[]; activePath: string[] }) {
  const t = useTranslations("catalogue");
  return (
    <details className="category-tree rounded-lg border border-slate-200 bg-white lg:rounded-none lg:border-0 lg:bg-transparent">
      <summary className="min-h-touch cursor-pointer content-center px-3 font-semibold text-brand-700 lg:hidden">
        {t("showCategories")}
      </summary>
      <nav
        aria-label={t("categories")}
        className="max-h-[60vh] overflow-y-auto border-t border-slate-200 p-2 lg:max-h-none lg:overflow-visible lg:border-0 lg:p-0"
      >
        <h2 className="mb-2 hidden px-2 text-sm font-semibold tracking-wide text-slate-600 uppercase lg:block">
          {t("categories")}
        </h2>
        <Branch nodes={roots} activePath={activePath} depth={0} />
      </nav>
    </details>
  );
}
