"use client";

import { useTranslations } from "next-intl";

import type { ListFormState } from "@/lib/lists/list-form-state";

import { useListError } from "./use-list-error";

/**
 * What a list form's last post did, in a live region: read out after hydration, and on the page
 * the server renders when the form posted without JavaScript.
 */
export function ListMessage({ state, id }: { state: ListFormState; id?: string }) {
  const t = useTranslations("lists.detail.saved");
  const errorText = useListError();
  return (
    <div id={id} aria-live="polite" className="min-h-5 text-sm">
      {state.status === "error" ? (
        <p role="alert" className="text-red-800">
          {errorText(state.error)}
        </p>
      ) : state.status === "saved" ? (
        <p role="status" className="text-green-800">
          {t(state.message)}
        </p>
      ) : null}
    </div>
  );
}
