import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { Scanner } from "@/components/scan/scanner";
import { requireSession } from "@/lib/auth/session";
import { listLists } from "@/lib/lists/read";
import { scanOwnerKey } from "@/lib/scan/owner-key";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scan"))("title") };
}

/** Scanning barcodes into the cart with the phone's camera, a hardware scanner or the keyboard. */
export default async function ScanPage({ searchParams }: { searchParams: Promise<{ result?: string | string[] }> }) {
  const session = await requireSession();
  const t = await getTranslations("scan");
  // What the typed-code form said when it was posted without JavaScript (the code itself is not in the address).
  const { result } = await searchParams;
  const posted = result === "unknown" || result === "failed" || result === "invalid" ? result : null;
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
      </div>
      {posted ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {t(`posted.${posted}`)}
        </p>
      ) : null}
      <Scanner owner={scanOwnerKey(session)} lists={(await listLists(session)).map(({ id, name }) => ({ id, name }))} />
    </div>
  );
}
