"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useFormStatus } from "react-dom";

import { removeAddress } from "@/lib/address-book/actions";
import type { AddressFormState } from "@/lib/address-book/address-form-state";

function DeleteButton({ label }: { label: string }) {
  const t = useTranslations("addressBook");
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-label={label}
      className="inline-flex min-h-touch items-center rounded-md border border-red-700 bg-white px-3 text-sm font-semibold text-red-700 hover:bg-red-50 disabled:opacity-60"
    >
      {pending ? t("deleting") : t("delete")}
    </button>
  );
}

/** Deletes one address: a form posting to the server action, which goes back to the book. */
export function DeleteAddress({ id, name }: { id: string; name: string }) {
  const t = useTranslations("addressBook");
  const [state, formAction] = useActionState<AddressFormState, FormData>(removeAddress, {
    values: {},
    fields: {},
    error: "",
  });
  return (
    <form action={formAction} method="post">
      <input type="hidden" name="id" value={id} />
      <DeleteButton label={t("deleteLabel", { name })} />
      <p role="status" aria-live="polite" className="text-xs text-red-800">
        {state.error ? t(`errors.${state.error}`) : ""}
      </p>
    </form>
  );
}
