import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { CreateListForm } from "@/components/lists/create-list-form";
import { requireSession } from "@/lib/auth/session";
import { MAX_LINES_PER_LIST, MAX_LISTS_PER_CUSTOMER } from "@/lib/lists/limits";
import { listLists } from "@/lib/lists/read";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lists"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The active customer's lists: name, lines, last change; and a form for a new one. */
export default async function ListsPage({ searchParams }: Props) {
  const session = await requireSession();
  const [t, format, lists, query] = await Promise.all([
    getTranslations("lists"),
    getFormatter(),
    listLists(session),
    searchParams,
  ]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      {query.deleted === "1" ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
          {t("deleted")}
        </p>
      ) : null}
      {lists.length ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-sm">
            <caption className="sr-only">{t("table.caption")}</caption>
            <thead className="bg-slate-100 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("table.name")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("table.lines")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("table.updated")}
                </th>
              </tr>
            </thead>
            <tbody>
              {lists.map((list) => (
                <tr key={list.id} className="border-t border-slate-100">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link
                      href={`/lists/${list.id}`}
                      className="inline-flex min-h-touch items-center font-semibold break-all text-brand-700 underline"
                    >
                      {list.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2 text-right whitespace-nowrap">
                    {t("lineCount", { count: list.lineCount })}
                  </td>
                  <td className="px-3 py-2">
                    <time dateTime={list.updatedAt.toISOString()}>
                      {format.dateTime(list.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">{t("empty")}</p>
      )}
      <section className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <CreateListForm />
        <p className="text-xs text-slate-600">
          {t("limits", { lists: MAX_LISTS_PER_CUSTOMER, lines: MAX_LINES_PER_LIST })}
        </p>
      </section>
    </div>
  );
}
