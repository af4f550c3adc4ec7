import { getTranslations } from "next-intl/server";

import { NotFoundMessage } from "@/components/ui/not-found-message";

export default async function PortalNotFound() {
  const t = await getTranslations("errors");
  return <NotFoundMessage title={t("notFoundTitle")} text={t("notFoundText")} href="/" linkLabel={t("backHome")} />;
}
