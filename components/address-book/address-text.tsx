import { useTranslations } from "next-intl";

import type { DeliveryAddress } from "@/lib/address-book/fields";

/** "Piet Janssen" — how an address is named in labels and messages. */
export function addressName(address: Pick<DeliveryAddress, "firstName" | "lastName">): string {
  return `${address.firstName} ${address.lastName}`.trim();
}

/** The address as lines: name, company, street and number, postcode and city, country, phone. */
export function AddressText({ address }: { address: DeliveryAddress }) {
  const t = useTranslations("checkout");
  const number = [address.houseNumber, address.houseNumberExtension].filter(Boolean).join(" ");
  const lines = [
    address.company,
    `${address.street} ${number}`.trim(),
    `${address.postcode} ${address.city}`.trim(),
    t(`countries.${address.country}`),
    address.phone,
    address.vatNumber ? `${t("vatNumber")}: ${address.vatNumber}` : "",
  ].filter(Boolean);
  return (
    <address className="text-sm text-slate-700 not-italic">
      {lines.map((line, index) => (
        <span key={index} className="block break-words">
          {line}
        </span>
      ))}
    </address>
  );
}
