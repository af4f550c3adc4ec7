import { useTranslations } from "next-intl";

import { Link } from "@/components/link";
import { buttonClasses } from "@/components/ui/button";

/** What a checked list put into the cart, said as a status, with the way to the cart. */
export function AddedToCart({ count }: { count: number }) {
  const t = useTranslations("quickOrder");
  return (
    <p role="status" className="text-green-800">
      {t("addedToCart", { count })}{" "}
      <Link href="/cart" className={buttonClasses("ghost")}>
        {t("goToCart")}
      </Link>
    </p>
  );
}
