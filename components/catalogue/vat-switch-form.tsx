"use client";

import { useFormStatus } from "react-dom";

import { useCurrentPath } from "@/components/shell/use-current-path";
import { setPricesIncVat } from "@/lib/catalogue/actions";

function SwitchButton({ incVat, children }: { incVat: boolean; children: React.ReactNode }) {
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
      className="group flex min-h-touch items-center gap-2 rounded-md text-left text-sm"
    >
      {children}
    </button>
  );
}

/** The VAT switch's form (components/catalogue/vat-switch.tsx): posts the other choice and the page it is on. */
export function VatSwitchForm({ incVat, children }: { incVat: boolean; children: React.ReactNode }) {
  const from = useCurrentPath();
  return (
    <form method="post" action={setPricesIncVat}>
      <input type="hidden" name="incVat" value={String(!incVat)} />
      <input type="hidden" name="from" value={from} />
      <SwitchButton incVat={incVat}>{children}</SwitchButton>
    </form>
  );
}
