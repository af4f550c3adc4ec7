"use client";

import { useTranslations } from "next-intl";

import type { ListError } from "@/lib/lists/list-form-state";
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
