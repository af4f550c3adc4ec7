import { getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { isStaff } from "@/lib/acting/policy";
import { companyLabel, type PublicSession } from "@/lib/auth/session-types";
import { mayListProducts } from "@/lib/catalogue/orderable";
import { personalParts } from "@/lib/http/personal-parts";

import { CustomerSwitcher } from "@/components/acting/shell-parts";

import { AccountMenu } from "./account-menu";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { SearchBox } from "./search-box";
import { SignOutButton } from "./sign-out-button";

/**
 * The header of every signed-in page: name, search, the user and their company in the first row, the
 * navigation in a row of its own from `md` up (a phone has the bottom bar). One row for all of it fitted
 * English at a desk but not Dutch, whose navigation is a third longer: the account menu then wrapped
 * alone onto a second row, and at 1024 px onto a third. Two rows hold in either language at every width.
 */
export async function SiteHeader({ session }: { session: PublicSession }) {
  const [t, personal] = await Promise.all([getTranslations(), personalParts()]);
  const company = personal.text("company", companyLabel(session));
  const name = personal.text("name", session.name);
  const staff = isStaff(session);
  const listing = mayListProducts(session);
  return (
    <header className="no-print bg-brand-700 text-white">
      <div className="mx-auto flex max-w-page flex-wrap items-center gap-x-4 gap-y-2 px-gutter py-2">
        <Link href="/" className="min-h-touch content-center text-lg font-bold whitespace-nowrap">
          {t("app.name")}
        </Link>
        <div className="order-last w-full md:order-none md:w-auto md:flex-1">
          {/* No Suspense around it: every portal page renders dynamically, and a boundary would stream the search box after the page. */}
          <SearchBox byCode={!listing} />
        </div>
        {staff ? <CustomerSwitcher /> : null}
        {personal.shape("listing", listing)}
        {personal.shape("email", Boolean(session.email))}
        <AccountMenu label={t("nav.account")} name={name} company={company}>
          <p className="font-semibold">{name}</p>
          <p className="text-sm text-slate-700" data-testid="user-company">
            {company}
          </p>
          {session.email ? (
            <p className="text-sm break-all text-slate-600">{personal.text("email", session.email)}</p>
          ) : null}
          <Link
            href="/addresses"
            className="mt-2 inline-flex min-h-touch items-center text-sm font-semibold text-brand-700 underline"
          >
            {t("nav.addresses")}
          </Link>
          <div className="mt-3 flex items-center justify-between border-t border-slate-200 pt-3">
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </AccountMenu>
        <NavLinks showAdmin={staff} />
      </div>
    </header>
  );
}
