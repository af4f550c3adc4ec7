/** Couriers and tracking codes in the formats their labels really use. */
import type { PhpDateStyle } from "../phpdate.js";
import type { Rng } from "./rng.js";

export type Courier = "PostNL" | "DHL" | "DPD" | "GLS" | "UPS";

export function pickCourier(rng: Rng): Courier {
  return rng.weighted<Courier>([
    ["PostNL", 35],
    ["DHL", 30],
    ["DPD", 15],
    ["GLS", 10],
    ["UPS", 10],
  ]);
}

export function trackerCode(courier: Courier, rng: Rng): string {
  switch (courier) {
    case "DHL":
      // DHL Parcel NL labels ("JVGL...") and DHL eCommerce piece ids ("JD01...").
      return rng.chance(0.5) ? `JVGL${rng.digits(rng.int(16, 20))}` : `JD01${rng.digits(rng.int(16, 19))}`;
    case "PostNL":
      return `3S${rng.letters(4)}${rng.digits(rng.int(7, 9))}`;
    case "DPD":
      return rng.digits(14);
    case "GLS":
      return rng.digits(rng.int(11, 12));
    case "UPS":
      return `1Z${rng.letters(16, "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ")}`;
  }
}

/** Each courier's feed stamps shipments its own way; the client must read all of them. */
export function shipmentDateStyle(courier: Courier): PhpDateStyle {
  switch (courier) {
    case "GLS":
      return "offset";
    case "DPD":
      return "abbreviation";
    case "UPS":
      return "utc";
    default:
      return "amsterdam";
  }
}
