"use server";

import { cookies } from "next/headers";
import { z } from "zod";

import { VAT_COOKIE } from "@/lib/catalogue/vat-preference";

/** Remembers whether list prices are shown including VAT. */
export async function setPricesIncVat(value: unknown): Promise<{ ok: boolean }> {
  const parsed = z.boolean().safeParse(value);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(VAT_COOKIE, parsed.data ? "inc" : "ex", {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  return { ok: true };
}
