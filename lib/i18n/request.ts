import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { getEnv } from "@/lib/env";

import { FORMATS } from "./formats";
import { chosenLocale, LOCALE_COOKIE, type Locale } from "./locales";

/** The language of this request: the dealer's choice (cookie), else the browser's preference. */
export async function requestLocale(): Promise<Locale> {
  return chosenLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return {
    locale,
    messages,
    timeZone: getEnv().DEALER_TIME_ZONE,
    formats: FORMATS,
  };
});
