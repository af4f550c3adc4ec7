import { Suspense } from "react";
import { getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { publicSession } from "@/lib/auth/options";
import { requireSession } from "@/lib/auth/session";
import { mayListProducts } from "@/lib/catalogue/orderable";
import { Skeleton } from "@/components/ui/skeleton";

import { RecentOrders } from "./recent-orders";

const LINKS = [
  { href: "/catalogue", title: "browse", hint: "browseHint" },
  // An account without the product list finds a product by its code (the catalogue page offers the look-up).
  { href: "/catalogue", title: "byCode", hint: "byCodeHint" },
  { href: "/quick-order", title: "quickOrder", hint: "quickOrderHint" },
  { href: "/scan", title: "scan", hint: "scanHint" },
  { href: "/orders", title: "orders", hint: "ordersHint" },
] as const;

export default async function HomePage() {
  const token = await requireSession();
  const session = publicSession(token);
  const t = await getTranslations("home");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title", { name: session.name })}</h1>
        <p className="text-slate-700" data-testid="active-company">
          {t("company", {
            company: session.activeCompanyName ?? session.activeCustomerCode,
            code: session.activeCustomerCode,
          })}
        </p>
      </div>
      <section aria-labelledby="quick-links">
        <h2 id="quick-links" className="mb-3 text-lg font-semibold">
          {t("quickLinks")}
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {LINKS.filter((link) => link.title !== (mayListProducts(token) ? "byCode" : "browse")).map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-500"
              >
                <span className="block font-semibold text-brand-700">{t(link.title)}</span>
                <span className="text-sm text-slate-600">{t(link.hint)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="recent-orders">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 id="recent-orders" className="text-lg font-semibold">
            {t("recentOrders")}
          </h2>
          <Link href="/orders" className="text-sm font-semibold text-brand-700 hover:underline">
            {t("allOrders")}
          </Link>
        </div>
        <Suspense fallback={<Skeleton className="h-40" />}>
          <RecentOrders session={token} />
        </Suspense>
      </section>
    </div>
  );
}
