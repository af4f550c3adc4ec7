import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AddressText, addressName } from "@/components/address-book/address-text";
import { DeleteAddress } from "@/components/address-book/delete-address";
import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";
import { listAddresses } from "@/lib/address-book/book";
import { requireSession } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/http/raw-query";

type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("addressBook"))("title") };
}

const DONE = ["saved", "updated", "deleted"] as const;

function single(value: string | string[] | undefined): string {
  return typeof value === "string" ? value : "";
}

/**
 * The customer's drop-ship address book: search by name, company or city, and each address with
 * edit and delete. Shared by every user of the customer; staff acting see the customer's.
 */
export default async function AddressesPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = single(params.q).trim().slice(0, 100);
  const done = DONE.find((value) => value === single(params.done));
  const session = await requireSession();
  const [t, book] = await Promise.all([getTranslations("addressBook"), listAddresses(session, { query })]);
  const full = book.total >= book.limit;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <p className="mt-1 text-sm text-slate-700">{t("count", { count: book.total, limit: book.limit })}</p>
      </div>
      <div role="status" aria-live="polite">
        {done ? (
          <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900">
            {t(`done.${done}`)}
          </p>
        ) : null}
      </div>
      {full ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {t("full", { limit: book.limit })}
        </p>
      ) : (
        <Link href="/addresses/new" className={buttonClasses("primary")}>
          {t("add")}
        </Link>
      )}
      {book.total ? (
        <form method="get" action="/addresses" role="search" className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor="address-search" className="block text-sm font-medium text-slate-800">
              {t("searchLabel")}
            </label>
            <input
              id="address-search"
              type="search"
              name="q"
              defaultValue={query}
              maxLength={100}
              autoComplete="off"
              className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 bg-white px-3 text-base"
            />
          </div>
          <button type="submit" className={buttonClasses("secondary")}>
            {t("search")}
          </button>
          {query ? (
            <Link href="/addresses" className="inline-flex min-h-touch items-center text-sm text-brand-700 underline">
              {t("clearSearch")}
            </Link>
          ) : null}
        </form>
      ) : null}
      {book.total === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("empty")}</p>
      ) : book.addresses.length === 0 ? (
        <p className="rounded-md border border-slate-200 bg-white p-4">{t("noMatch", { query })}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("title")}>
          {book.addresses.map(({ id, address }) => {
            const name = addressName(address);
            return (
              <li key={id}>
                <article
                  aria-label={name}
                  className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 shadow-sm"
                >
                  <h2 className="font-semibold break-words">{name}</h2>
                  <AddressText address={address} />
                  <div className="mt-auto flex flex-wrap items-start gap-2 pt-2">
                    <Link
                      href={`/addresses/${encodeURIComponent(id)}`}
                      aria-label={t("editLabel", { name })}
                      className={buttonClasses("secondary")}
                    >
                      {t("edit")}
                    </Link>
                    <DeleteAddress id={id} name={name} />
                  </div>
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
