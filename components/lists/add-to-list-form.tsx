"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useState } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";
import { Link } from "@/components/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { addToListAction } from "@/lib/lists/actions";
import type { ListFormState } from "@/lib/lists/list-form-state";
import { MAX_LIST_NAME } from "@/lib/lists/limits";

import { useListError } from "./use-list-error";

const FIELD = "mt-1 block min-h-touch w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base";

/**
 * "Add to list" where a product is shown: pick one of the customer's lists or "a new list…" with
 * its name, and a quantity. The name field is always there without JavaScript; once scripts run
 * it shows only when a new list is picked. `compact` (a product card, a scan result): a small
 * disclosure in one column, its summary and fields named with the product's `title` for a screen
 * reader among many cards. `lazy` (a page of cards): the form is drawn when the disclosure opens;
 * until scripts run the summary is a link to the product page's form (`?addTo=list`, opened there),
 * so the page is not two dozen closed forms and it still works without JavaScript. `open`: shown
 * open from the start (the product page reached by that link).
 */
export function AddToListForm({
  sku,
  quantity,
  lists,
  title,
  compact = false,
  lazy = false,
  open = false,
}: {
  sku: string;
  quantity: number;
  lists: { id: string; name: string }[];
  title?: string;
  compact?: boolean;
  lazy?: boolean;
  open?: boolean;
}) {
  const t = useTranslations("lists.addTo");
  const errorText = useListError();
  const id = useId();
  // False on the server and while hydrating: the name field shows until scripts run.
  const hydrated = useHydrated();
  const [state, action] = useActionState<ListFormState, FormData>(addToListAction, { status: "idle" });
  const values = state.status === "error" ? state.values : undefined;
  const [picked, setPicked] = useState<string | null>(null);
  const [opened, setOpened] = useState(open);
  const list = picked ?? values?.list ?? lists[0]?.id ?? "new";
  const error = state.status === "error" ? errorText(state.error) : null;
  const nameError = state.status === "error" && state.error.startsWith("name-");
  // Said after each label to a screen reader where many products are shown ("Quantity: Gas hose").
  const about = title ? <span className="sr-only">: {title}</span> : null;
  const wide = compact ? "" : "sm:col-span-2";
  const box = compact
    ? "rounded-md border border-slate-200 bg-white px-2"
    : "rounded-lg border border-slate-200 bg-white p-3";
  const summaryText = `min-h-touch cursor-pointer content-center font-semibold ${compact ? "text-sm text-slate-800" : ""}`;
  if (lazy && !hydrated) {
    return (
      <Link
        href={`/products/${encodeURIComponent(sku)}?addTo=list#add-to-list`}
        className={`${box} ${summaryText} flex items-center hover:underline`}
      >
        {t("title")}
        {about}
      </Link>
    );
  }
  const shown = !lazy || opened || state.status !== "idle";
  return (
    <details
      id={lazy ? undefined : "add-to-list"}
      className={box}
      open={open || state.status !== "idle"}
      // Once drawn the form stays, so closing the disclosure loses nothing typed.
      onToggle={lazy ? (event) => event.currentTarget.open && setOpened(true) : undefined}
      data-add-to-list
    >
      <summary className={summaryText}>
        {t("title")}
        {about}
      </summary>
      {shown ? (
        <form
          action={action}
          method="post"
          className={compact ? "mt-1 grid gap-2 pb-2" : "mt-2 grid gap-3 sm:grid-cols-2"}
        >
          <input type="hidden" name="sku" value={sku} />
          <div>
            <label htmlFor={`${id}-list`} className="block text-sm font-medium">
              {t("list")}
              {about}
            </label>
            <select
              id={`${id}-list`}
              name="list"
              value={list}
              onChange={(event) => setPicked(event.target.value)}
              className={FIELD}
            >
              {lists.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name}
                </option>
              ))}
              <option value="new">{t("newList")}</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-quantity`} className="block text-sm font-medium">
              {t("quantity")}
              {about}
            </label>
            <input
              id={`${id}-quantity`}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={100000}
              step={1}
              required
              defaultValue={values?.quantity ?? quantity}
              aria-invalid={(state.status === "error" && state.error === "invalid") || undefined}
              className={FIELD}
            />
          </div>
          <div className={list === "new" || !hydrated ? wide : "hidden"} data-new-list>
            <label htmlFor={`${id}-name`} className="block text-sm font-medium">
              {t("name")}
              {about}
            </label>
            <input
              id={`${id}-name`}
              name="name"
              type="text"
              maxLength={MAX_LIST_NAME * 2}
              defaultValue={values?.name}
              aria-invalid={nameError || undefined}
              autoComplete="off"
              className={FIELD}
            />
          </div>
          <div className={wide}>
            <SubmitButton label={t("submit")} busyLabel={t("busy")} variant="secondary" />
          </div>
        </form>
      ) : null}
      <div aria-live="polite" className={compact ? "pb-2 text-sm" : "mt-2 text-sm"}>
        {error ? (
          <p role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}
        {state.status === "added-to-list" ? (
          // On a card the live region says it without a second status role: "Added to cart" stays the card's one.
          <p role={compact ? undefined : "status"} className="text-green-800">
            {t("added", { name: state.name })}{" "}
            <Link href={`/lists/${state.id}`} className="font-semibold underline">
              {t("open")}
            </Link>
          </p>
        ) : null}
      </div>
    </details>
  );
}
