import { getTranslations } from "next-intl/server";

/**
 * A sync's or an error's own words (English, as in the logs), said to be the system's rather than
 * translated; long words (a URL, an id) wrap at 360 px.
 */
export async function SystemMessage({ message }: { message: string }) {
  const t = await getTranslations("admin");
  return <span className="block break-words text-slate-700">{t("runMessage", { message })}</span>;
}
