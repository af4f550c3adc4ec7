"use client";

import { useTranslations } from "next-intl";

import type { ListError, ListFormState } from "@/lib/lists/list-form-state";
import { MAX_LINES_PER_LIST, MAX_LIST_NAME, MAX_LISTS_PER_CUSTOMER } from "@/lib/lists/limits";

/** The words of a list action's error, with the limit it names. */
export function useListError(): (error: ListError) => string {
  const t = useTranslations("lists.errors");
  return (error) =>
    t(error, {
      max:
        error === "too-many-lists"
          ? MAX_LISTS_PER_CUSTOMER
          : error === "too-many-lines"
            ? MAX_LINES_PER_LIST
            : MAX_LIST_NAME,
    });
}

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
