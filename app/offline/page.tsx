import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { RetryButton } from "@/components/pwa/retry-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("offline"))("title"), robots: { index: false } };
}

/**
 * What the service worker shows when a page cannot be loaded for want of a
 * connection (it keeps a copy of this page; nothing here needs the session).
 */
export default async function OfflinePage() {
  const t = await getTranslations();
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="bg-brand-700 px-gutter py-3 text-white">
        <span className="text-lg font-bold">{t("app.name")}</span>
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 space-y-4 px-gutter py-10">
        <h1 className="text-2xl font-bold">{t("offline.heading")}</h1>
        <p className="text-slate-800">{t("offline.text")}</p>
        <section aria-labelledby="still-works" className="space-y-2">
          <h2 id="still-works" className="text-lg font-semibold">
            {t("offline.stillWorks")}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-slate-800">
            <li>{t("offline.openPages")}</li>
            <li>{t("offline.scan")}</li>
          </ul>
          <p className="text-sm text-slate-700">{t("offline.needsConnection")}</p>
        </section>
        <RetryButton>{t("offline.retry")}</RetryButton>
      </main>
    </div>
  );
}
