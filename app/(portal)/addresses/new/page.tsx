import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AddressForm } from "@/components/address-book/address-form";
import { requireSession } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("addressBook"))("newTitle") };
}

/** A new address for the customer's drop-ship address book. */
export default async function NewAddressPage() {
  await requireSession();
  const t = await getTranslations("addressBook");
  return (
    <div className="max-w-3xl space-y-4">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <AddressForm initial={{ country: "NL" }} />
    </div>
  );
}
