"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { requestCustomerSwitch } from "./customer-switcher";

/** On every page while staff act for another customer: for whom, and one click back. */
export function ActingBanner({ company, code }: { company: string; code: string }) {
  const t = useTranslations("acting");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <div role="region" aria-label={t("banner", { company, code })} className="no-print bg-amber-300 text-amber-950">
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-2 px-gutter py-2">
        <p className="font-semibold" data-testid="acting-banner">
          {t("banner", { company, code })}
        </p>
        <button
          type="button"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await requestCustomerSwitch(null);
            setBusy(false);
            router.refresh();
          }}
          className="min-h-touch rounded-md border border-amber-950 px-3 text-sm font-semibold hover:bg-amber-200"
        >
          {t("backToOwn")}
        </button>
      </div>
    </div>
  );
}
