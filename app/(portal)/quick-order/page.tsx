import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { PasteOrUpload } from "@/components/quick-order/paste-or-upload";
import { QuickOrderRows } from "@/components/quick-order/quick-order-rows";
import { requireSession } from "@/lib/auth/session";
import { mayListProducts } from "@/lib/catalogue/orderable";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quickOrder"))("title") };
}

export default async function QuickOrderPage() {
  const [t, session] = await Promise.all([getTranslations("quickOrder"), requireSession()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </div>
      <div className="grid gap-8 lg:grid-cols-2">
        <QuickOrderRows suggest={mayListProducts(session)} />
        <PasteOrUpload />
      </div>
    </div>
  );
}
