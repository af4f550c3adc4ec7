import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CatalogueReadiness } from "@/components/catalogue/catalogue-readiness";
import { categoryHref } from "@/components/catalogue/category-tree";
import { OrderByCode } from "@/components/catalogue/order-by-code";
import { ProductImage } from "@/components/catalogue/product-image";
import { Link } from "@/components/link";
import { requireSession } from "@/lib/auth/session";
import { browseCategories } from "@/lib/catalogue/browse";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("catalogue"))("title") };
}

export default async function CataloguePage() {
  const t = await getTranslations("catalogue");
  const browse = await browseCategories(await requireSession());
  if (browse.kind === "listing-not-allowed") {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <OrderByCode />
      </div>
    );
  }
  return (
    // No category tree beside the list: on this page it would repeat the same root categories.
    <div>
      <h1 className="mb-4 text-2xl font-bold">{t("title")}</h1>
      <CatalogueReadiness />
      {/* Rows with a small picture on phones (more categories on one screen, a long tap target), tiles from sm up. */}
      <ul className="grid gap-2 sm:grid-cols-3 sm:gap-3 xl:grid-cols-4">
        {browse.roots.map((root, index) => (
          <li key={root.code}>
            <Link
              href={categoryHref(root.pathCodes)}
              className="flex h-full items-center gap-3 rounded-lg border border-slate-200 bg-white p-2 shadow-sm hover:border-brand-500 sm:flex-col sm:items-stretch sm:gap-2 sm:p-3"
            >
              <span className="w-12 shrink-0 sm:w-full">
                {/* 48 px on phones; from sm up a tile of about 190 to 300 px, depending on the columns. */}
                <ProductImage
                  media={root.media[0] ?? null}
                  alt=""
                  size={256}
                  phone={{ size: 48, below: "sm" }}
                  priority={index < 4}
                />
              </span>
              <span className="text-brand-800 font-semibold">{root.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
