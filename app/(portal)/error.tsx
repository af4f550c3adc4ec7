"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

/**
 * A page that failed to render: said plainly, with a way to try again. The details stay in the
 * server log (instrumentation's onRequestError), under the digest shown here, so that support can
 * find the line a dealer reports.
 */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{t("errorTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("errorText")}</p>
      {error.digest ? (
        <p className="mt-2 text-sm text-slate-600">{t("errorReference", { digest: error.digest })}</p>
      ) : null}
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
