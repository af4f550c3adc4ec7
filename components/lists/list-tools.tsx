"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { deleteListAction, renameListAction } from "@/lib/lists/actions";
import type { ListFormState } from "@/lib/lists/list-form-state";
import { MAX_LIST_NAME } from "@/lib/lists/limits";

import { ListMessage } from "./list-message";
import { useListError } from "./use-list-error";

const IDLE: ListFormState = { status: "idle" };

/** Rename and delete a list: two forms posting to their actions; delete asks first once scripts run. */
export function ListTools({ listId, name }: { listId: string; name: string }) {
  const t = useTranslations("lists.detail");
  const errorText = useListError();
  const [renameState, renameAction] = useActionState<ListFormState, FormData>(renameListAction, IDLE);
  const [deleteState, deleteAction] = useActionState<ListFormState, FormData>(deleteListAction, IDLE);
  const nameError =
    renameState.status === "error" && renameState.error.startsWith("name-") ? errorText(renameState.error) : undefined;
  return (
    <div className="space-y-4">
      <form action={renameAction} method="post" className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="id" value={listId} />
        <TextField
          key={name}
          name="name"
          label={t("renameLegend")}
          defaultValue={renameState.status === "error" ? (renameState.values?.name ?? name) : name}
          maxLength={MAX_LIST_NAME * 2}
          error={nameError}
          autoComplete="off"
          className="min-w-0 flex-1 basis-64"
        />
        <SubmitButton label={t("renameSubmit")} variant="secondary" />
      </form>
      {nameError ? null : <ListMessage state={renameState} />}
      <form
        action={deleteAction}
        method="post"
        onSubmit={(event) => {
          if (!window.confirm(t("deleteConfirm", { name }))) event.preventDefault();
        }}
      >
        <input type="hidden" name="id" value={listId} />
        <SubmitButton label={t("deleteSubmit")} variant="danger" />
      </form>
      <ListMessage state={deleteState} />
    </div>
  );
}
