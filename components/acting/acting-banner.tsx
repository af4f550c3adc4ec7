"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { useCurrentPath } from "@/components/shell/use-current-path";
import { backToOwnAccount } from "@/lib/acting/actions";

/**
 * On every page while staff act for another customer: for whom, and one click back. "Back" is a
 * form posting to a server action: it works before hydration and without JavaScript, and the
 * browser comes back to the same page, now for the person's own customer.
 */
export function ActingBanner({ company, code }: { company: string; code: string }) {
  const t = useTranslations("acting");
  const from = useCurrentPath();
  const [state, formAction, pending] = useActionState(backToOwnAccount, null);
  return (
    <div role="region" aria-label={t("banner", { company, code })} className="no-print bg-amber-300 text-amber-950">
      <div className="mx-auto flex max-w-page flex-wrap items-center justify-between gap-2 px-gutter py-2">
        <p className="font-semibold" data-testid="acting-banner">
          {t("banner", { company, code })}
        </p>
        <form method="post" action={formAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="from" value={from} />
          <p aria-live="polite" className="text-sm font-semibold">
            {pending ? t("switching") : state ? t(`error.${state.error}`) : ""}
          </p>
          <button
            type="submit"
            disabled={pending}
            className="min-h-touch rounded-md border border-amber-950 px-3 text-sm font-semibold hover:bg-amber-200"
          >
            {t("backToOwn")}
          </button>
        </form>
      </div>
    </div>
  );
}
