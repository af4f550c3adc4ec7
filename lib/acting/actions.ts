"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";

import { writeSessionCookie } from "@/lib/auth/cookie";
import { safeReturnPath } from "@/lib/auth/return-path";
import { redirectToExpired, requireSession } from "@/lib/auth/session";

import { switchCustomer } from "./switch-customer";
import type { ActingFormState } from "./acting-state";

/**
 * The acting forms' server actions: "Act for this customer" (the switcher's choice, or a button of
 * the customer search page) and "Back to my own account". Each is a form posting here, so it works
 * before hydration and without JavaScript; on success the session cookie is rewritten and the
 * browser is sent back to the page the form was on (a page, never JSON). A refusal is returned to
 * the form (useActionState), which says it in words.
 */

/** The page to go back to: a path of this portal only (lib/auth/return-path), the home page otherwise. */
const returnPath = z
  .union([z.string(), z.null()])
  .transform((value) => safeReturnPath(value ?? "/"))
  .pipe(z.string());

const switchForm = z
  .instanceof(FormData)
  .transform((form) => ({ code: form.get("code"), from: form.get("from") }))
  .pipe(
    z.object({
      code: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{2,20}$/),
      from: returnPath,
    }),
  );

const backForm = z
  .instanceof(FormData)
  .transform((form) => ({ from: form.get("from") }))
  .pipe(z.object({ from: returnPath }));

async function switchTo(code: string | null, from: string): Promise<ActingFormState> {
  const result = await switchCustomer(await requireSession(), code);
  if (!result.ok) {
    if (result.reason === "unauthenticated") return redirectToExpired();
    return { error: result.reason };
  }
  await writeSessionCookie({ cookies: await cookies() }, { ...result.session });
  redirect(from);
}

/** Acts for the customer the form names (wholesaler staff only: lib/acting/switch-customer.ts decides). */
export async function actForCustomer(_previous: unknown, form: unknown): Promise<ActingFormState> {
  const parsed = switchForm.safeParse(form);
  if (!parsed.success) return { error: "invalid" };
  return switchTo(parsed.data.code, parsed.data.from);
}

/** Goes back to the person's own customer. */
export async function backToOwnAccount(_previous: unknown, form: unknown): Promise<ActingFormState> {
  const parsed = backForm.safeParse(form);
  if (!parsed.success) return { error: "invalid" };
  return switchTo(null, parsed.data.from);
}
