"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { usesSecureCookies } from "@/lib/auth/cookie";

import { VAT_COOKIE } from "./vat-preference";

/** Remembers whether list prices are shown including VAT (a preference of the device, not of the account). */
export async function setPricesIncVat(value: unknown): Promise<{ ok: boolean }> {
  const parsed = z.boolean().safeParse(value);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(VAT_COOKIE, parsed.data ? "inc" : "ex", {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: usesSecureCookies(),
  });
  return { ok: true };
}
