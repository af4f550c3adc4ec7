"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { actForCustomer } from "@/lib/acting/actions";

/**
 * One company of the customer search page: "Act for this customer", a form posting to the server
 * action (before hydration and without JavaScript too). On success the browser goes back to `from`;
 * a refusal is said next to the button.
 */
export function ActForCustomerForm({ code, name, from }: { code: string; name: string; from: string }) {
  const t = useTranslations("acting");
  const [state, formAction, pending] = useActionState(actForCustomer, null);
  return (
    <form method="post" action={formAction} className="flex flex-wrap items-center justify-end gap-2">
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="from" value={from} />
      <p aria-live="polite" className="text-sm text-red-800">
        {pending ? t("switching") : state ? t(`error.${state.error}`) : ""}
      </p>
      <button
        type="submit"
        disabled={pending}
        aria-label={t("actForNamed", { name, code })}
        className="min-h-touch rounded-md bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700"
      >
        {t("actFor")}
      </button>
    </form>
  );
}
