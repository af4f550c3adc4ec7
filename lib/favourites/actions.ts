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
 * The favourites' server action, a thin shell: parse the star's form with zod, read the session,
 * call toggleFavourite (lib/favourites/edit.ts), answer in words the star can say. Posted before
 * hydration or without JavaScript (no `js` field), it sends the browser back to the page it came
 * from (a same-origin path only).
 */

export async function setFavourite(_state: FavouriteState, formData: FormData): Promise<FavouriteState> {
  const parsed = setFavouriteInput.safeParse(formFields(formData));
  if (!parsed.success) return { favourite: false, message: "invalid" };
  const result = await toggleFavourite(await requireSession(), parsed.data);
  revalidatePath("/favourites");
  if (!parsed.data.js) redirect(safeReturnPath(parsed.data.returnTo));
  if (!result.ok) return { favourite: result.favourite, message: result.error };
  return { favourite: result.favourite, message: result.favourite ? "added" : "removed" };
}
