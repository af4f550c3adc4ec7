import { useTranslations } from "next-intl";

/** The "Bought before" mark of a product card: in words, with a shape as well as a colour. */
export function BoughtBeforeMark() {
  const t = useTranslations("purchases");
  return (
    <p className="mt-1 inline-flex items-center gap-1 rounded-full border border-emerald-300 bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-900">
      <span aria-hidden="true">↻</span>
      {t("boughtBefore")}
    </p>
  );
}
