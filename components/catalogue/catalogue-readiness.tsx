import { getTranslations } from "next-intl/server";

import { catalogueReadiness } from "@/lib/catalogue/readiness";

/** Says so while the first catalogue sync has not finished: lists may be incomplete until then. */
export async function CatalogueReadiness() {
  const readiness = await catalogueReadiness();
  if (!readiness) return null;
  const t = await getTranslations("catalogue");
  return (
    <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
      {readiness.listed ? t("notReady", readiness) : t("notReadyEmpty")}
    </p>
  );
}
