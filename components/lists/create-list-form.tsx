"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { createListAction } from "@/lib/lists/actions";
import type { ListFormState } from "@/lib/lists/list-form-state";
import { MAX_LIST_NAME } from "@/lib/lists/limits";

import { useListError } from "./use-list-error";

/** "New list": a form posting to the create action, which opens the new list. */
export function CreateListForm() {
  const t = useTranslations("lists.create");
  const errorText = useListError();
  const [state, action] = useActionState<ListFormState, FormData>(createListAction, { status: "idle" });
  const error = state.status === "error" ? errorText(state.error) : undefined;
  return (
    <form action={action} method="post" className="flex flex-wrap items-end gap-2" aria-labelledby="new-list-title">
      <h2 id="new-list-title" className="w-full text-lg font-semibold">
        {t("legend")}
      </h2>
      <TextField
        name="name"
        label={t("name")}
        hint={t("hint", { max: MAX_LIST_NAME })}
        maxLength={MAX_LIST_NAME * 2}
        defaultValue={state.status === "error" ? state.values?.name : undefined}
        error={error}
        autoComplete="off"
        className="min-w-0 flex-1 basis-64"
      />
      <SubmitButton label={t("submit")} busyLabel={t("busy")} />
    </form>
  );
}
