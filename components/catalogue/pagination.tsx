import { useTranslations } from "next-intl";

import { Link } from "@/components/link";

/** Previous / next links of a paged list; `hrefFor` keeps the list's other URL state. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations("catalogue");
  if (pageCount <= 1) return null;
  const linkClass =
    "inline-flex min-h-touch items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-semibold text-brand-700 hover:bg-brand-50";
  return (
    <nav aria-label={t("pagination")} className="mt-6 flex items-center justify-between gap-2">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev" className={linkClass}>
          {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-700" aria-current="page">
        {t("pageOf", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={linkClass}>
          {t("next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
