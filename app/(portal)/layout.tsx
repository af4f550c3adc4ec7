import { randomUUID } from "node:crypto";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";

import { ActingBanner } from "@/components/acting/shell-parts";
import { CartProvider } from "@/components/cart/cart-context";
import { AfterHydration } from "@/components/shell/after-hydration";
import { BottomNav } from "@/components/shell/bottom-nav";
import { SiteHeader } from "@/components/shell/site-header";
import { isStaff } from "@/lib/acting/policy";
import { shellState } from "@/lib/acting/shell";
import { publicSession } from "@/lib/auth/options";
import { requireSession } from "@/lib/auth/session";
import { readCartFlash } from "@/lib/cart/flash";
import { cartLineCount } from "@/lib/cart/read";
import { getEnv } from "@/lib/env";
import { FLASH_HEADER } from "@/lib/http/flash";
import { personalParts } from "@/lib/http/personal-parts";
import { cartShape, COUNT_PLACEHOLDER } from "@/lib/http/personal-placeholders";
import { scanOwnerKey } from "@/lib/scan/owner-key";

/** Every signed-in page: checks the session again (the proxy is the first gate) and draws the shell. */
export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const token = await requireSession();
  const session = publicSession(token);
  const t = await getTranslations("app");
  const errors = await getTranslations("errors");
  const cartCount = await cartLineCount(token);
  const shell = shellState(token);
  // In a page's shared copy (lib/http/personal-parts.ts) the user's parts are placeholders; a count of
  // 2 or more is one number (its words are the same), 0 and 1 are themselves.
  const personal = await personalParts();
  const shownCount = personal.shared && cartCount >= 2 ? COUNT_PLACEHOLDER : cartCount;
  // A cart form posted without JavaScript redirected here with its message (lib/http/flash.ts).
  const cartFlash = readCartFlash((await headers()).get(FLASH_HEADER));
  // The cart count is provided around the whole frame: the header and the phone's bar follow "Add to cart".
  return (
    <CartProvider flash={cartFlash} count={shownCount} rendered={personal.text("rendered", randomUUID())}>
      {personal.shape("cart", cartShape(cartCount))}
      {personal.shape("shell", `${shell.staff ? "staff" : "dealer"}.${shell.actingFor ? "acting" : "own"}`)}
      {personal.shape("upstreamDown", shell.upstreamDown)}
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-4 py-2 text-brand-700 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t("skipToContent")}
      </a>
      <SiteHeader session={session} />
      {shell.actingFor ? (
        <ActingBanner company={session.activeCompanyName ?? shell.actingFor} code={shell.actingFor} />
      ) : null}
      {shell.upstreamDown ? (
        <p role="status" className="no-print bg-red-700 px-gutter py-2 text-center text-sm font-semibold text-white">
          {errors("upstreamDownBanner")}
        </p>
      ) : null}
      <main id="main" className="mx-auto w-full max-w-page px-gutter pt-4 pb-24 md:pb-10">
        {children}
      </main>
      <BottomNav showAdmin={isStaff(session)} />
      <AfterHydration
        scanOwner={personal.text("scanOwner", scanOwnerKey(token))}
        serviceWorker={getEnv().NODE_ENV === "production"}
      />
    </CartProvider>
  );
}
