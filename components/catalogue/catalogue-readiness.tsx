import { getTranslations } from "next-intl/server";

import { catalogueSyncStatus, isCatalogueReady } from "@/lib/catalogue/sync/status";
import { getDb } from "@/lib/db";

/** Says so while the first catalogue sync has not finished: lists may be incomplete until then. */
export async function CatalogueReadiness() {
  const db = await getDb();
  // Cheap check first: the full status counts every product, too slow for every catalogue page.
  if (await isCatalogueReady(db)) return null;
  const status = await catalogueSyncStatus(db);
  const t = await getTranslations("catalogue");
  const listed = status.lastRun?.counts.listed ?? 0;
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {listed ? t("notReady", { stored: status.products.available, listed }) : t("notReadyEmpty")}
    </p>
  );
}
