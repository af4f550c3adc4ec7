import { getTranslations } from "next-intl/server";

import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";

/**
 * What a product's address shows when the catalogue has no such product: drawn by the page itself
 * (answered 404 by answerNotFoundStatus), so that it is in the document without JavaScript.
 */
export async function ProductNotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-2xl font-bold">{t("product.notFoundTitle")}</h1>
      <p className="mt-2 text-slate-700">{t("product.notFoundText")}</p>
      <Link href="/catalogue" className={buttonClasses("primary", "mt-6")}>
        {t("catalogue.title")}
      </Link>
    </div>
  );
}
