import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { SignInForms } from "@/components/auth/sign-in-forms";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { safeReturnPath } from "@/lib/auth/return-path";
import { readSession } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const from = safeReturnPath(typeof params.from === "string" ? params.from : null);
  const session = await readSession();
  if (session) redirect(from);
  const t = await getTranslations();
  const reason =
    params.reason === "expired" ? t("signIn.expired") : params.reason === "signed-out" ? t("signIn.signedOut") : null;

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between bg-brand-700 px-gutter py-3 text-white">
        <span className="text-lg font-bold">{t("app.name")}</span>
        <LanguageSwitch tone="dark" />
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-gutter py-10">
        <h1 className="text-2xl font-bold">{t("signIn.title")}</h1>
        <p className="mt-1 mb-6 text-slate-700">{t("signIn.intro")}</p>
        {reason ? (
          <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            {reason}
          </p>
        ) : null}
        <SignInForms returnTo={from} />
      </main>
    </div>
  );
}
