import { useTranslations } from "next-intl";

import { unitName } from "./units";

/** `unitName` in the page's language, for client and server components: `unit("STUKS", 3)` is "pieces". */
export function useUnitName(): (code: string | null | undefined, count?: number) => string {
  const t = useTranslations("units");
  return (code, count = 1) => unitName((key, values) => t(key, values), code, count);
}
