"use server";

import { redirect } from "next/navigation";
import { z } from "zod";

import { signOut } from "./sign-out";

/** The sign-out form: a FormData with its one field. Anything else (a forged call) does nothing. */
const signOutForm = z.instanceof(FormData).refine((form) => form.get("intent") === "sign-out");

/**
 * The sign-out form's action (a POST; Next refuses a server action whose Origin is another
 * site's). Ends the session on the server and goes to the sign-in page.
 */
export async function signOutAction(form: unknown): Promise<void> {
  if (!signOutForm.safeParse(form).success) return;
  await signOut();
  redirect("/sign-in?reason=signed-out");
}
