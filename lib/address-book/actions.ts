"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { requireSession } from "@/lib/auth/session";

import { deleteAddress, saveAddress, updateAddress } from "./book";
import { ADDRESS_FIELDS, type AddressField } from "./fields";
import { addressId, addressInput } from "./schema";
import type { AddressFormState } from "./address-form-state";

const saveInput = addressInput.extend({ id: z.union([addressId, z.literal("")]).optional() });
const deleteInput = z.object({ id: z.string().max(64) });
const formInput = z.instanceof(FormData);

/** Keeps what was typed (bounded) to show it again. */
function typed(formData: FormData): Partial<Record<AddressField, string>> {
  return Object.fromEntries(
    ADDRESS_FIELDS.map((field) => {
      const value = formData.get(field);
      return [field, typeof value === "string" ? value.slice(0, 200) : ""];
    }),
  );
}

export async function submitAddress(_state: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const form = formInput.safeParse(formData);
  const parsed = saveInput.safeParse(form.success ? Object.fromEntries(form.data) : null);
  if (!form.success || !parsed.success) {
    return { values: form.success ? typed(form.data) : {}, fields: {}, error: "invalid" };
  }
  const session = await requireSession();
  const { id, ...fields } = parsed.data;
  const result = id ? await updateAddress(session, { id, ...fields }) : await saveAddress(session, fields);
  if (!result.ok) {
    return {
      values: typed(form.data),
      fields: result.error === "invalid" ? result.fields : {},
      error: result.error,
    };
  }
  revalidatePath("/addresses");
  redirect(`/addresses?done=${id ? "updated" : "saved"}`);
}

export async function removeAddress(_state: AddressFormState, formData: FormData): Promise<AddressFormState> {
  const form = formInput.safeParse(formData);
  const parsed = deleteInput.safeParse(form.success ? Object.fromEntries(form.data) : null);
  if (!parsed.success) return { values: {}, fields: {}, error: "not-found" };
  const result = await deleteAddress(await requireSession(), parsed.data);
  if (!result.ok) return { values: {}, fields: {}, error: "not-found" };
  revalidatePath("/addresses");
  redirect("/addresses?done=deleted");
}
