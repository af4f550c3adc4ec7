"use server";

import { z } from "zod";

import { setPreferenceCookie } from "@/lib/auth/preference-cookie";

import { VAT_COOKIE } from "./vat-preference";

/** Remembers whether list prices are shown including VAT (a preference of the device, not of the account). */
export async function setPricesIncVat(value: unknown): Promise<{ ok: boolean }> {
  const parsed = z.boolean().safeParse(value);
  if (!parsed.success) return { ok: false };
  await setPreferenceCookie(VAT_COOKIE, parsed.data ? "inc" : "ex");
  return { ok: true };
}
