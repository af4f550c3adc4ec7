import { getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";

export default async function PortalNotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{t("notFoundTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("notFoundText")}</p>
      <Link href="/" className={buttonClasses("primary", "mt-6")}>
        {t("backHome")}
      </Link>
    </div>
  );
}
