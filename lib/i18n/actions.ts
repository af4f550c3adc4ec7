"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { usesSecureCookies } from "@/lib/auth/cookie";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const input = z.enum(LOCALES);

/**
 * Remembers the dealer's language for a year (the language switch's action). The cookie is Secure
 * whenever the portal is served over https, as the session's are.
 */
export async function setLocale(locale: unknown): Promise<{ ok: boolean }> {
  const parsed = input.safeParse(locale);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: usesSecureCookies(),
  });
  return { ok: true };
}
