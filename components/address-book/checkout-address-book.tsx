"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type InputHTMLAttributes } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";
import { Link } from "@/components/link";
import { ADDRESS_FIELDS, type AddressField, type DeliveryAddress } from "@/lib/address-book/fields";

export interface PickableAddress {
  id: string;
  address: DeliveryAddress;
}

function optionText(address: DeliveryAddress): string {
  return [
    `${address.firstName} ${address.lastName}`.trim(),
    address.company,
    `${address.postcode} ${address.city}`.trim(),
  ]
    .filter(Boolean)
    .join(", ");
}

/**
 * The address book at checkout, inside the drop-ship fields: a picker of saved addresses and the
 * opt-in "save this address" checkbox. Picking fills the fields here once React runs; before that
 * (or without JavaScript) "Use this address" posts the form (intent "pick") and the page comes back
 * with the fields filled and everything else typed kept. After hydration a search field narrows
 * the list by name, company or city.
 */
export function CheckoutAddressBook({
  addresses,
  fill,
  saveInput,
}: {
  addresses: readonly PickableAddress[];
  /** Sets one field of the checkout form. */
  fill: (field: AddressField, value: string) => void;
  /** The checkbox's props from the checkout form (name "saveAddress"). */
  saveInput: InputHTMLAttributes<HTMLInputElement>;
}) {
  const t = useTranslations("addressBook.checkout");
  const id = useId();
  const hydrated = useHydrated();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState("");
  const [said, setSaid] = useState("");
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const shown = addresses.filter((entry) => {
    const text = [entry.address.firstName, entry.address.lastName, entry.address.company, entry.address.city]
      .join(" ")
      .toLowerCase();
    return words.every((word) => text.includes(word));
  });

  function use(event: React.MouseEvent) {
    event.preventDefault();
    const entry = addresses.find((candidate) => candidate.id === (chosen || shown[0]?.id));
    if (!entry) return;
    for (const field of ADDRESS_FIELDS) fill(field, entry.address[field] ?? "");
    setSaid(t("filled", { name: `${entry.address.firstName} ${entry.address.lastName}`.trim() }));
  }

  return (
    <div className="space-y-3 sm:col-span-2">
      {addresses.length ? (
        <fieldset className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3">
          <legend className="px-1 font-semibold">{t("pick")}</legend>
          {hydrated ? (
            <div>
              <label htmlFor={`${id}-filter`} className="block text-sm font-medium">
                {t("filter")}
              </label>
              <input
                id={`${id}-filter`}
                type="search"
                value={query}
                autoComplete="off"
                aria-describedby={`${id}-hint ${id}-matches`}
                onChange={(event) => {
                  setQuery(event.target.value);
                  setChosen("");
                }}
                className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 bg-white px-3 text-base"
              />
              <p id={`${id}-hint`} className="text-xs text-slate-600">
                {t("filterHint")}
              </p>
              <p id={`${id}-matches`} className="mt-1 text-xs text-slate-600" aria-live="polite">
                {query ? t("matches", { count: shown.length }) : ""}
              </p>
            </div>
          ) : null}
          <div className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <label htmlFor={`${id}-select`} className="block text-sm font-medium">
                {t("pickLabel")}
              </label>
              <select
                id={`${id}-select`}
                name="savedAddress"
                value={chosen}
                onChange={(event) => setChosen(event.target.value)}
                className="mt-1 block min-h-touch w-full rounded-md border border-slate-300 bg-white px-2"
              >
                <option value="">{t("pickNone")}</option>
                {shown.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {optionText(entry.address)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              name="intent"
              value="pick"
              formNoValidate
              onClick={hydrated ? use : undefined}
              className="inline-flex min-h-touch items-center rounded-md border border-brand-600 bg-white px-4 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            >
              {t("use")}
            </button>
          </div>
          <p role="status" aria-live="polite" className="text-sm text-green-900">
            {said}
          </p>
          <Link href="/addresses" className="inline-flex min-h-touch items-center text-sm text-brand-700 underline">
            {t("manage")}
          </Link>
        </fieldset>
      ) : null}
      <label className="flex min-h-touch items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1 h-5 w-5 accent-brand-600" {...saveInput} />
        <span>
          <span className="font-medium">{t("save")}</span>
          <span className="block text-slate-600">{t("saveHint")}</span>
        </span>
      </label>
    </div>
  );
}
