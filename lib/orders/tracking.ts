/**
 * Tracking links of the couriers the wholesaler ships with. Each link is built
 * from the shipment's tracker code (and, for PostNL, the delivery address),
 * every part URL-encoded. An unknown courier, or a PostNL parcel without a
 * postcode and country, gets no link: the page shows the code as plain text.
 *
 * Formats (public tracking pages, no account needed):
 * - DHL     https://www.dhl.com/nl-{nl|en}/home/tracking.html?tracking-id={code}&submit=1
 * - PostNL  https://jouw.postnl.nl/track-and-trace/{code}-{country}-{postcode}  (postcode without spaces, upper case)
 * - DPD     https://tracking.dpd.de/status/{nl_NL|en_US}/parcel/{code}
 * - GLS     https://gls-group.eu/NL/{nl|en}/{pakket-volgen|parcel-tracking}?match={code}
 * - UPS     https://www.ups.com/track?loc={nl_NL|en_US}&tracknum={code}
 */

import { countryCode } from "@/lib/i18n/countries";

export const COURIERS = ["dhl", "postnl", "dpd", "gls", "ups"] as const;
export type Courier = (typeof COURIERS)[number];

export type TrackingLocale = "en" | "nl";

export interface TrackingDestination {
  postcode: string | null;
  country: string | null;
}

/** "DHL Parcel", "dhl-express", " PostNL " → the courier; anything else → null. */
export function courierOf(name: string | null | undefined): Courier | null {
  const key = (name ?? "").toLowerCase().replace(/[^a-z]/g, "");
  if (!key) return null;
  if (key.startsWith("dhl")) return "dhl";
  if (key.startsWith("postnl") || key === "tntpost") return "postnl";
  if (key.startsWith("dpd")) return "dpd";
  if (key.startsWith("gls")) return "gls";
  if (key === "ups" || key.startsWith("upsstandard") || key.startsWith("upsexpress") || key === "unitedparcelservice") {
    return "ups";
  }
  return null;
}

/** Tracker codes have no spaces; labels are sometimes copied with them. */
const cleanCode = (code: string) => code.replace(/\s+/g, "");

export function trackingUrl(
  courierName: string | null | undefined,
  trackerCode: string | null | undefined,
  destination: TrackingDestination | null = null,
  locale: TrackingLocale = "en",
): string | null {
  const courier = courierOf(courierName);
  const code = cleanCode(trackerCode ?? "");
  if (!courier || !code) return null;
  const c = encodeURIComponent(code);
  const nl = locale === "nl";
  switch (courier) {
    case "dhl":
      return `https://www.dhl.com/nl-${nl ? "nl" : "en"}/home/tracking.html?tracking-id=${c}&submit=1`;
    case "postnl": {
      const country = countryCode(destination?.country);
      const postcode = (destination?.postcode ?? "").replace(/\s+/g, "").toUpperCase();
      if (!country || !postcode) return null;
      return `https://jouw.postnl.nl/track-and-trace/${c}-${encodeURIComponent(country)}-${encodeURIComponent(postcode)}`;
    }
    case "dpd":
      return `https://tracking.dpd.de/status/${nl ? "nl_NL" : "en_US"}/parcel/${c}`;
    case "gls":
      return nl
        ? `https://gls-group.eu/NL/nl/pakket-volgen?match=${c}`
        : `https://gls-group.eu/NL/en/parcel-tracking?match=${c}`;
    case "ups":
      return `https://www.ups.com/track?loc=${nl ? "nl_NL" : "en_US"}&tracknum=${c}`;
  }
}
