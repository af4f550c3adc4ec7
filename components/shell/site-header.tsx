import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";

import type { PublicSession } from "@/lib/auth/session-types";

import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { SearchBox } from "./search-box";
import { SignOutButton } from "./sign-out-button";

/** The header of every signed-in page: name, search, navigation, the user and their company. */
export async function SiteHeader({ session, cartCount }: { session: PublicSession; cartCount: number }) {
  const t = await getTranslations();
  const company = session.companyName ? `${session.companyName} (${session.customerCode})` : session.customerCode;
  return (
    <header className="no-print bg-brand-700 text-white">
      <div className="mx-auto flex max-w-page flex-wrap items-center gap-x-4 gap-y-2 px-gutter py-2">
        <Link href="/" className="min-h-touch content-center text-lg font-bold whitespace-nowrap">
          {t("app.name")}
        </Link>
        <div className="order-last w-full md:order-none md:w-auto md:flex-1">
          <Suspense fallback={null}>
            <SearchBox />
          </Suspense>
        </div>
        <NavLinks cartCount={cartCount} showAdmin={session.canActForCustomers} />
        <details className="group relative ml-auto md:ml-0">
          <summary className="flex min-h-touch cursor-pointer list-none items-center gap-2 rounded-md px-2 hover:bg-white/10">
            <span className="sr-only">{t("nav.account")}: </span>
            <span className="flex flex-col text-left leading-tight">
              <span className="max-w-[10rem] truncate text-sm font-semibold">{session.name}</span>
              <span className="hidden max-w-[12rem] truncate text-xs text-white/80 lg:block">{company}</span>
            </span>
            <span aria-hidden="true">▾</span>
          </summary>
          <div className="absolute right-0 z-40 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md bg-white p-4 text-slate-900 shadow-lg">
            <p className="font-semibold">{session.name}</p>
            <p className="text-sm text-slate-700" data-testid="user-company">
              {company}
            </p>
            {session.email ? <p className="text-sm break-all text-slate-600">{session.email}</p> : null}
            <div className="mt-3 flex items-center justify-between border-t border-slate-200 pt-3">
              <LanguageSwitch />
              <SignOutButton className="text-brand-700 hover:bg-brand-50" />
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
