import { getTranslations } from "next-intl/server";

import { NotFoundMessage } from "@/components/ui/not-found-message";

/**
 * What a product's address shows when the catalogue has no such product: drawn by the page itself
 * (answered 404 by answerNotFoundStatus), so that it is in the document without JavaScript.
 */
export async function ProductNotFound() {
  const t = await getTranslations();
  return (
    <NotFoundMessage
      title={t("product.notFoundTitle")}
      text={t("product.notFoundText")}
      href="/catalogue"
      linkLabel={t("catalogue.title")}
    />
  );
}
