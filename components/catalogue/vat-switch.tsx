import { getTranslations } from "next-intl/server";

import { VatSwitchForm } from "./vat-switch-form";

/**
 * Switch between list prices excluding and including VAT; remembered for the next visit. A form
 * posting to a server action (the button submits the other choice): the page comes back showing
 * prices the new way, before hydration and without JavaScript too. The switch's look follows its
 * `aria-checked` in CSS and its words are rendered here, so the browser's code holds only the form.
 */
export async function VatSwitch({ incVat }: { incVat: boolean }) {
  const t = await getTranslations("catalogue");
  return (
    <VatSwitchForm incVat={incVat}>
      <span
        aria-hidden="true"
        className="relative inline-block h-6 w-10 shrink-0 rounded-full border-2 border-slate-500 bg-white transition-colors group-aria-checked:border-brand-600 group-aria-checked:bg-brand-600"
      >
        <span className="absolute top-0.5 left-0.5 h-4 w-4 rounded-full bg-slate-500 transition-all group-aria-checked:left-[1.1rem] group-aria-checked:bg-white" />
      </span>
      {t("showPricesIncVat")}
    </VatSwitchForm>
  );
}
