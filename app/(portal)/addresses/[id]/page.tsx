import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AddressForm } from "@/components/address-book/address-form";
import { addressName } from "@/components/address-book/address-text";
import { showAddress } from "@/lib/address-book/book";
import { requireSession } from "@/lib/auth/session";
import { notFoundPage } from "@/lib/http/not-found";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("addressBook"))("editTitle") };
}

/** One saved address, to change; another customer's id (or none) is not found. */
export default async function EditAddressPage({ params }: Props) {
  const { id } = await params;
  const saved = await showAddress(await requireSession(), { id });
  if (!saved) return notFoundPage();
  const t = await getTranslations("addressBook");
  return (
    <div className="max-w-3xl space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("editTitle")}</h1>
        <p className="text-slate-700">{addressName(saved.address)}</p>
      </div>
      <AddressForm id={saved.id} initial={saved.address} />
    </div>
  );
}
