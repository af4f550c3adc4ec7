"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";

import { SubmitButton } from "@/components/ui/submit-button";
import { saveCartAsListAction, saveOrderAsListAction } from "@/lib/lists/actions";
import type { ListFormState } from "@/lib/lists/list-form-state";
import { MAX_LIST_NAME } from "@/lib/lists/limits";

import { useListError } from "./use-list-error";

/**
 * "Save as list" on an order's page (`orderId`) or the cart page: a name (filled in with a
 * suggestion) and a button; the server reads the lines itself and opens the new list.
 */
export function SaveAsList({ orderId }: { orderId?: string }) {
  const t = useTranslations("lists.saveAs");
  const suggestion = orderId ? t("defaultOrder", { id: orderId }) : t("defaultCart");
  const errorText = useListError();
  const id = useId();
  const [state, action] = useActionState<ListFormState, FormData>(
    orderId ? saveOrderAsListAction : saveCartAsListAction,
    { status: "idle" },
  );
  const error = state.status === "error" ? errorText(state.error) : null;
  return (
    <details className="no-print rounded-lg border border-slate-200 bg-white p-3" open={Boolean(error)}>
      <summary className="min-h-touch cursor-pointer content-center font-semibold">{t("title")}</summary>
      <form action={action} method="post" className="mt-2 flex flex-wrap items-end gap-2">
        {orderId ? <input type="hidden" name="orderId" value={orderId} /> : null}
        <div className="min-w-0 flex-1 basis-56">
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            {t("name")}
          </label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            required
            maxLength={MAX_LIST_NAME * 2}
            defaultValue={state.status === "error" ? (state.values?.name ?? suggestion) : suggestion}
            aria-invalid={Boolean(error) || undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            autoComplete="off"
            className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base"
          />
        </div>
        <SubmitButton label={t("submit")} busyLabel={t("busy")} variant="secondary" />
      </form>
      <div aria-live="polite" className="mt-2 text-sm">
        {error ? (
          <p id={`${id}-error`} role="alert" className="text-red-800">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}
