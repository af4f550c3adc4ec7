import type { Formats } from "next-intl";

/** The named formats of dates and numbers every page uses (lib/i18n/request.ts gives them to next-intl). */
export const FORMATS = {
  dateTime: {
    short: { day: "numeric", month: "short", year: "numeric" },
    long: { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" },
    time: { hour: "2-digit", minute: "2-digit" },
  },
  number: {
    money: { style: "currency", currency: "EUR" },
  },
} satisfies Formats;
