import { useLocale, useTranslations } from "next-intl";

import type { DeliveryAddress } from "@/lib/domain/order";
import { countryName } from "@/lib/i18n/countries";

const join = (...parts: (string | null | undefined)[]) => parts.filter((part) => part && part.trim()).join(" ");

/** An address as lines of text, the way a label shows it, its country named in `locale`. */
export function addressLines(address: DeliveryAddress, locale: string): string[] {
  return [
    join(address.firstName, address.lastName),
    join(address.street, address.number, address.addition),
    join(address.street2, address.number2, address.addition2),
    join(address.postcode, address.city),
    countryName(address.country, locale),
  ].filter(Boolean);
}

export function OrderAddress({ address, company }: { address: DeliveryAddress; company?: string | null }) {
  const t = useTranslations("orders.detail");
  const locale = useLocale();
  return (
    <div className="space-y-2">
      <address className="text-sm leading-relaxed not-italic">
        {company ? <span className="block font-semibold">{company}</span> : null}
        {addressLines(address, locale).map((line, index) => (
          <span key={index} className="block break-words">
            {line}
          </span>
        ))}
        {address.phone ? (
          <span className="block">
            {t("phone")}:{" "}
            <a
              href={`tel:${address.phone.replace(/[^+\d]/g, "")}`}
              className="inline-flex min-h-touch items-center text-brand-700 underline-offset-2 hover:underline print:min-h-0 print:text-slate-900"
            >
              {address.phone}
            </a>
          </span>
        ) : null}
      </address>
      {address.deliveryNote ? (
        <p className="rounded-md border border-slate-200 bg-slate-50 p-2 text-sm break-words">
          <span className="font-semibold">{t("deliveryNote")}: </span>
          {address.deliveryNote}
        </p>
      ) : null}
    </div>
  );
}
