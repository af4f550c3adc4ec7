"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

import { useCurrentPath } from "@/components/shell/use-current-path";
import { setPricesIncVat } from "@/lib/catalogue/actions";

function SwitchButton({ incVat }: { incVat: boolean }) {
  const t = useTranslations("catalogue");
  const { pending } = useFormStatus();
  // While the page comes back, the switch already shows the choice (optimistic).
  const on = pending ? !incVat : incVat;
  return (
    <button
      type="submit"
      role="switch"
      aria-checked={on}
      aria-busy={pending}
      disabled={pending}
      className="flex min-h-touch items-center gap-2 rounded-md text-left text-sm"
    >
      <span
        aria-hidden="true"
        className={`relative inline-block h-6 w-10 shrink-0 rounded-full border-2 transition-colors ${on ? "border-brand-600 bg-brand-600" : "border-slate-500 bg-white"}`}
      >
        <span
          className={`absolute top-0.5 h-4 w-4 rounded-full transition-all ${on ? "left-[1.1rem] bg-white" : "left-0.5 bg-slate-500"}`}
        />
      </span>
      {t("showPricesIncVat")}
    </button>
  );
}

/**
 * Switch between list prices excluding and including VAT; remembered for the next visit. A form
 * posting to a server action (the button submits the other choice): the page comes back showing
 * prices the new way, before hydration and without JavaScript too.
 */
export function VatSwitch({ incVat }: { incVat: boolean }) {
  const from = useCurrentPath();
  return (
    <form method="post" action={setPricesIncVat}>
      <input type="hidden" name="incVat" value={String(!incVat)} />
      <input type="hidden" name="from" value={from} />
      <SwitchButton incVat={incVat} />
    </form>
  );
}
