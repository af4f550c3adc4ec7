import { useFormatter, useLocale, useTranslations } from "next-intl";

import type { Shipment } from "@/lib/domain/order";
import { trackingUrl, type TrackingDestination } from "@/lib/orders/tracking";

/** Each parcel with its courier, piece number, date and tracker code; a tracking link where the courier is known. */
export function OrderShipments({
  shipments,
  destination,
}: {
  shipments: Shipment[];
  destination: TrackingDestination | null;
}) {
  const t = useTranslations("orders.shipments");
  const format = useFormatter();
  const locale = useLocale() === "nl" ? "nl" : "en";
  if (!shipments.length) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {shipments.map((shipment) => {
        const url = trackingUrl(shipment.courier, shipment.trackerCode, destination, locale);
        // A parcel the upstream gave no piece number is named by its tracker code, never by a question mark.
        const piece = shipment.pieceNumber ?? "unknown";
        return (
          <li key={shipment.shipmentId} className="min-w-0 rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <p className="font-semibold">{t("parcel", { courier: shipment.courier, piece })}</p>
            {shipment.createdAt ? (
              <p className="text-slate-700">
                <time dateTime={shipment.createdAt.toISOString()}>{format.dateTime(shipment.createdAt, "long")}</time>
              </p>
            ) : null}
            <p className="mt-1">
              <span className="text-slate-600">{t("trackerCode")}: </span>
              <span className="font-mono break-all">{shipment.trackerCode}</span>
            </p>
            {url ? (
              <a
                href={url}
                target="_blank"
                rel="noopener noreferrer"
                className="no-print mt-2 inline-flex min-h-touch items-center gap-1 font-semibold text-brand-700 underline-offset-2 hover:underline"
              >
                {t("track", { courier: shipment.courier, piece, code: shipment.trackerCode })}
                <span aria-hidden="true">↗</span>
                <span className="sr-only">{t("newTab")}</span>
              </a>
            ) : (
              <p className="mt-2 text-xs text-slate-600">{t("noLink")}</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
