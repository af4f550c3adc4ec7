import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CheckoutForm } from "@/components/checkout/checkout-form";
import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";
import { sessionUpstream } from "@/lib/auth/session";
import { cartViewFor } from "@/lib/cart/read";
import { newAttemptId } from "@/lib/checkout/attempts";
import type { Company } from "@/lib/domain/company";
import { PERMISSION_COMPANIES } from "@/lib/domain/user";
import { getEnv } from "@/lib/env";
import { isUpstreamError } from "@/lib/upstream";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

function addressLines(company: Company): string[] | null {
  const address = company.address;
  if (!address) return null;
  const number = [address.number, address.numberSuffix].filter(Boolean).join(" ");
  return [
    company.name,
    `${address.street} ${number}`.trim(),
    `${address.postalCode} ${address.city}`.trim(),
    address.country,
  ].filter(Boolean);
}

export default async function CheckoutPage() {
  const { session, upstream } = await sessionUpstream();
  const [t, cart] = await Promise.all([getTranslations("checkout"), cartViewFor(session)]);
  if (!cart.lines.length) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p>{t("emptyCart")}</p>
        <Link href="/cart" className={buttonClasses("secondary")}>
          {t("backToCart")}
        </Link>
      </div>
    );
  }
  const company = await upstream.company(session.activeCustomerCode).catch((error: unknown) => {
    if (isUpstreamError(error)) return null;
    throw error;
  });
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">
          {t("orderFor", {
            company: company?.name ?? session.activeCompanyName ?? session.activeCustomerCode,
            code: session.activeCustomerCode,
          })}
        </p>
      </div>
      {cart.canCheckout ? null : (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("errors.cartNotOrderable")}{" "}
          <Link href="/cart" className="font-semibold underline">
            {t("backToCart")}
          </Link>
        </p>
      )}
      <CheckoutForm
        attemptId={newAttemptId()}
        lines={cart.lines.map((line) => ({
          sku: line.sku,
          title: line.title,
          quantity: line.quantity,
          totalExVat: line.totalExVat,
        }))}
        totals={cart.totals}
        nonDropshipableSkus={cart.lines.filter((line) => !line.dropshipable).map((line) => line.sku)}
        bigParcelSkus={cart.lines.filter((line) => line.isBigParcel).map((line) => line.sku)}
        ownAddress={company ? addressLines(company) : null}
        canPlaceTestOrders={session.permissions.includes(PERMISSION_COMPANIES) || getEnv().DEMO_MODE}
      />
    </div>
  );
}
