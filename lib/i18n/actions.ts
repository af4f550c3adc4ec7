"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { setPreferenceCookie } from "@/lib/auth/preference-cookie";
import { safeReturnPath } from "@/lib/auth/return-path";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

/**
 * The page the language switch was on. The sign-in page is kept (with its own `from` and `reason`,
 * which that page reads safely again); any other value must be a path of the portal
 * (lib/auth/return-path), else the home page.
 */
function pageOf(value: string | null): string {
  if (value && /^\/sign-in(\?|$)/.test(value)) {
    const params = new URLSearchParams(value.slice("/sign-in".length));
    const kept = new URLSearchParams();
    const from = params.get("from");
    if (from) kept.set("from", safeReturnPath(from));
    const reason = params.get("reason");
    if (reason === "expired" || reason === "signed-out") kept.set("reason", reason);
    return kept.size ? `/sign-in?${kept}` : "/sign-in";
  }
  return safeReturnPath(value ?? "/");
}

const languageForm = z
  .instanceof(FormData)
  .transform((form) => ({ locale: form.get("locale"), from: form.get("from") }))
  .pipe(
    z.object({
      locale: z.enum(LOCALES),
      from: z
        .union([z.string().max(2048), z.null()])
        .transform(pageOf)
        .pipe(z.string()),
    }),
  );

/**
 * The language switch's form: remembers the dealer's language for a year and sends the browser back
 * to the same page, now in that language (also without JavaScript). A forged value changes nothing.
 */
export async function setLocale(form: unknown): Promise<void> {
  const parsed = languageForm.safeParse(form);
  if (!parsed.success) return;
  await setPreferenceCookie(LOCALE_COOKIE, parsed.data.locale);
  redirect(parsed.data.from);
}
