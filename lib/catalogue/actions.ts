"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { setPreferenceCookie } from "@/lib/auth/preference-cookie";
import { safeReturnPath } from "@/lib/auth/return-path";

import { VAT_COOKIE } from "./vat-preference";

const vatForm = z
  .instanceof(FormData)
  .transform((form) => ({ incVat: form.get("incVat"), from: form.get("from") }))
  .pipe(
    z.object({
      incVat: z.enum(["true", "false"]),
      from: z
        .union([z.string(), z.null()])
        .transform((value) => safeReturnPath(value ?? "/"))
        .pipe(z.string()),
    }),
  );

/**
 * The VAT display's form: remembers whether list prices are shown including VAT (a preference of
 * the device, not of the account) and sends the browser back to the same page, now showing them so
 * (also without JavaScript). A forged value changes nothing.
 */
export async function setPricesIncVat(form: unknown): Promise<void> {
  const parsed = vatForm.safeParse(form);
  if (!parsed.success) return;
  await setPreferenceCookie(VAT_COOKIE, parsed.data.incVat === "true" ? "inc" : "ex");
  redirect(parsed.data.from);
}
