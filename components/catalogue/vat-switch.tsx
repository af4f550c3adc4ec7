"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";

import { setPricesIncVat } from "@/lib/catalogue/actions";

/** Switch between prices excluding and including VAT; remembered for the next visit. */
export function VatSwitch({ incVat }: { incVat: boolean }) {
  const t = useTranslations("catalogue");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex min-h-touch items-center gap-2 text-sm">
      <input
        type="checkbox"
        role="switch"
        checked={incVat}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.checked;
          startTransition(async () => {
            await setPricesIncVat(next);
            router.refresh();
          });
        }}
        className="h-5 w-5 accent-brand-600"
      />
      {t("showPricesIncVat")}
    </label>
  );
}
