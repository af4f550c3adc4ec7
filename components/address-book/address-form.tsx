"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { Link } from "@/components/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { TextField } from "@/components/ui/text-field";
import { submitAddress } from "@/lib/address-book/actions";
import type { AddressFormState } from "@/lib/address-book/address-form-state";
import { ADDRESS_AUTOCOMPLETE, type AddressField } from "@/lib/address-book/fields";
import { COUNTRIES } from "@/lib/checkout/delivery-address";

/**
 * A new or saved address of the address book: a form posting to the server action, before
 * hydration and without JavaScript too. A refused address comes back with everything typed and a
 * message per field (the checkout's own wording); a saved one goes back to the book.
 */
export function AddressForm({ id, initial }: { id?: string; initial: Partial<Record<AddressField, string>> }) {
  const t = useTranslations("addressBook");
  const tc = useTranslations("checkout");
  const [state, formAction] = useActionState<AddressFormState, FormData>(submitAddress, {
    values: initial,
    fields: {},
    error: "",
  });
  const value = (field: AddressField) => state.values[field] ?? "";
  const error = (field: AddressField) => {
    const key = state.fields[field];
    return key ? tc(`errors.${key as "required"}`) : undefined;
  };
  const text = (field: AddressField, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField
      key={`${field}-${value(field)}`}
      name={field}
      label={tc(field)}
      defaultValue={value(field)}
      autoComplete={ADDRESS_AUTOCOMPLETE[field]}
      error={error(field)}
      {...extra}
    />
  );
  return (
    <form action={formAction} method="post" noValidate className="space-y-4">
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <div role="alert" aria-live="assertive">
        {state.error ? (
          <p className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {t(`errors.${state.error}`)}
          </p>
        ) : null}
      </div>
      <fieldset className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 text-lg font-semibold">{tc("endCustomer")}</legend>
        {text("firstName", { maxLength: 100, required: true })}
        {text("lastName", { maxLength: 100, required: true })}
        {text("company", { maxLength: 100 })}
        {text("vatNumber", { maxLength: 20, autoCapitalize: "characters" })}
        {text("phone", { maxLength: 30, type: "tel", inputMode: "tel", required: true })}
        {text("street", { maxLength: 100, required: true })}
        <div className="grid grid-cols-2 gap-3">
          {text("houseNumber", { maxLength: 10, required: true })}
          {text("houseNumberExtension", { maxLength: 10 })}
        </div>
        {text("postcode", { maxLength: 10, autoCapitalize: "characters", required: true })}
        {text("city", { maxLength: 100, required: true })}
        <div>
          <label htmlFor="address-country" className="block text-sm font-medium text-slate-800">
            {tc("country")}
          </label>
          <select
            key={`country-${value("country")}`}
            id="address-country"
            name="country"
            defaultValue={value("country") || "NL"}
            autoComplete={ADDRESS_AUTOCOMPLETE.country}
            aria-invalid={error("country") ? true : undefined}
            aria-describedby={error("country") ? "address-country-error" : undefined}
            className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 bg-white px-2"
          >
            {COUNTRIES.map((country) => (
              <option key={country} value={country}>
                {tc(`countries.${country}`)}
              </option>
            ))}
          </select>
          {error("country") ? (
            <p id="address-country-error" className="mt-1 text-sm text-red-700">
              {error("country")}
            </p>
          ) : null}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton label={t("save")} busyLabel={t("saving")} />
        <Link href="/addresses" className="inline-flex min-h-touch items-center text-sm text-brand-700 underline">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}
