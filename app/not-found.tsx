import { getTranslations } from "next-intl/server";

import { NotFoundMessage } from "@/components/ui/not-found-message";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <main id="main" className="px-gutter py-4">
      <NotFoundMessage title={t("notFoundTitle")} text={t("notFoundText")} href="/" linkLabel={t("backHome")} />
    </main>
  );
}
