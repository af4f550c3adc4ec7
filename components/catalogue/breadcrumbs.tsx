import { useTranslations } from "next-intl";

import { Link } from "@/components/link";

import { categoryHref } from "./category-tree";

/** Catalogue › Root › Sub › Current, from the category's path of codes. */
export function Breadcrumbs({ trail }: { trail: { code: string; title: string }[] }) {
  const t = useTranslations("catalogue");
  return (
    <nav aria-label={t("breadcrumbs")} className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        <li>
          <Link
            href="/catalogue"
            className="inline-flex min-h-touch items-center text-brand-700 hover:underline md:min-h-0"
          >
            {t("title")}
          </Link>
        </li>
        {trail.map((crumb, index) => {
          const last = index === trail.length - 1;
          return (
            <li key={crumb.code} className="flex items-center gap-1">
              <span aria-hidden="true">›</span>
              {last ? (
                <span aria-current="page" className="font-semibold text-slate-900">
                  {crumb.title}
                </span>
              ) : (
                <Link
                  href={categoryHref(trail.slice(0, index + 1).map((item) => item.code))}
                  className="inline-flex min-h-touch items-center text-brand-700 hover:underline md:min-h-0"
                >
                  {crumb.title}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
