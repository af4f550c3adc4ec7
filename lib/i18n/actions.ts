"use server";

import { z } from "zod";

import { setPreferenceCookie } from "@/lib/auth/preference-cookie";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locales";

const input = z.enum(LOCALES);

/** Remembers the dealer's language for a year (the language switch's action). */
export async function setLocale(locale: unknown): Promise<{ ok: boolean }> {
  const parsed = input.safeParse(locale);
  if (!parsed.success) return { ok: false };
  await setPreferenceCookie(LOCALE_COOKIE, parsed.data);
  return { ok: true };
}
