import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { CatalogueReadiness } from "@/components/catalogue/catalogue-readiness";
import { categoryHref, CategoryTree } from "@/components/catalogue/category-tree";
import { ProductImage } from "@/components/catalogue/product-image";
import { categoryTree } from "@/lib/catalogue/queries";
import { getDb } from "@/lib/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue"))("title") };
}

export default async function CataloguePage() {
  const t = await getTranslations("catalogue");
  const roots = await categoryTree(await getDb());
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
      <aside>
        <CategoryTree roots={roots} activePath={[]} />
      </aside>
      <div>
        <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
        <CatalogueReadiness />
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-4">
          {roots.map((root, index) => (
            <li key={root.code}>
              <Link
                href={categoryHref(root.pathCodes)}
                className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-500"
              >
                <ProductImage media={root.media[0] ?? null} alt="" size={160} priority={index < 4} />
                <span className="text-brand-800 font-semibold">{root.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
