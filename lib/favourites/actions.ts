"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { safeReturnPath } from "@/lib/auth/return-path";
import { formFields } from "@/lib/http/posted-form";
import { requireSession } from "@/lib/auth/session";

import { toggleFavourite } from "./edit";
import { setFavouriteInput } from "./schemas";
import type { FavouriteState } from "./favourite-state";

/**
 * The favourites' server actions, thin shells: parse the star's form with zod, read the session,
 * call toggleFavourite (lib/favourites/edit.ts). The star posts to `setFavouriteAndReturn` natively
 * (before hydration, without JavaScript), which sends the browser back to the page it came from (a
 * same-origin path only); once hydrated it calls `setFavourite`, which answers in words the star can
 * say in place.
 */

export async function setFavourite(_state: FavouriteState, formData: FormData): Promise<FavouriteState> {
  const parsed = setFavouriteInput.safeParse(formFields(formData));
  if (!parsed.success) return { favourite: false, message: "invalid" };
  const result = await toggleFavourite(await requireSession(), parsed.data);
  revalidatePath("/favourites");
  if (!result.ok) return { favourite: result.favourite, message: result.error };
  return { favourite: result.favourite, message: result.favourite ? "added" : "removed" };
}

export async function setFavouriteAndReturn(formData: FormData): Promise<void> {
  const parsed = setFavouriteInput.safeParse(formFields(formData));
  if (parsed.success) {
    await toggleFavourite(await requireSession(), parsed.data);
    revalidatePath("/favourites");
  }
  // An invalid post changes nothing and goes back all the same (its page shows the star as it is).
  redirect(safeReturnPath(parsed.success ? parsed.data.returnTo : undefined));
}
