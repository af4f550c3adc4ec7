import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { Scanner } from "@/components/scan/scanner";
import { requireSession } from "@/lib/auth/session";
import { scanOwnerKey } from "@/lib/scan/owner-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scan"))("title") };
}

/** Scanning barcodes into the cart with the phone's camera, a hardware scanner or the keyboard. */
export default async function ScanPage() {
  const session = await requireSession();
  const t = await getTranslations("scan");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      <Scanner owner={scanOwnerKey(session)} />
    </div>
  );
}
