"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { submitInPlace } from "@/components/ui/submit-in-place";
import { setFavourite, setFavouriteAndReturn } from "@/lib/favourites/actions";
import type { FavouriteState } from "@/lib/favourites/favourite-state";

/**
 * The star that puts a product in the customer's favourites or takes it out: a form posting to the
 * server action, a button whose name says in words what it does ("Add to favourites", "Remove from
 * favourites"). No aria-pressed: a toggle's name stays the same as its state changes, and "Remove
 * from favourites, pressed" says two things at once. Before
 * hydration or without JavaScript the post comes back to `returnTo` (this page); after hydration the
 * submit handler takes the post over (submitInPlace) and the answer is said in a live region.
 */
export function FavouriteStar({
  sku,
  title,
  favourite,
  returnTo,
  compact = false,
}: {
  sku: string;
  title: string;
  favourite: boolean;
  /** The page the star is on: a post without JavaScript comes back to it. */
  returnTo: string;
  compact?: boolean;
}) {
  const t = useTranslations("favourites");
  const [state, formAction, pending] = useActionState<FavouriteState, FormData>(setFavourite, {
    favourite,
    message: "",
  });
  const on = state.favourite;
  const label = on ? t("star.remove") : t("star.add");
  const message =
    state.message === "added" || state.message === "removed"
      ? t(`star.${state.message}`, { title })
      : state.message
        ? t(`star.errors.${state.message}`)
        : "";
  return (
    // Compact (a card's row beside the stock badge): a flex box exactly the button's height. An inline
    // box would sit the button on a line of text, whose height changes with whether the star inside has
    // arrived yet (50 px before, 44 after), moving the badge beside it while a phone paints the page.
    <form
      action={setFavouriteAndReturn}
      onSubmit={submitInPlace(formAction)}
      method="post"
      className={compact ? "flex" : "space-y-1"}
    >
      <input type="hidden" name="sku" value={sku} />
      <input type="hidden" name="favourite" value={on ? "false" : "true"} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <button
        type="submit"
        aria-label={compact ? `${label}: ${title}` : undefined}
        disabled={pending}
        className={`inline-flex min-h-touch min-w-touch items-center justify-center gap-2 rounded-md border px-2 text-sm font-semibold disabled:opacity-60 ${
          on
            ? "border-amber-500 bg-amber-50 text-amber-900 hover:bg-amber-100"
            : "border-slate-300 bg-white text-slate-800 hover:bg-slate-50"
        }`}
      >
        <span aria-hidden="true" className="text-lg leading-none">
          {on ? "★" : "☆"}
        </span>
        {compact ? null : <span>{label}</span>}
      </button>
      {/* A live region without the status role: a card's "Added to cart" stays its one status. */}
      <p
        aria-live="polite"
        aria-atomic="true"
        className={`${compact ? "sr-only" : "text-xs"} ${state.message === "added" || state.message === "removed" ? "text-green-800" : "text-red-800"}`}
      >
        {message}
      </p>
    </form>
  );
}
