/**
 * Dates the way the upstream (Laravel/PHP) serialises them:
 * {"date": "2024-01-01 12:00:00.000000", "timezone_type": 3, "timezone": "Europe/Amsterdam"}.
 * `date` is the local time in `timezone`; the instant must stay right across
 * daylight saving, so Amsterdam offsets come from Intl (cached per UTC hour:
 * the zone only ever changes offset on a whole hour).
 */

export interface PhpDate {
  date: string;
  timezone_type: 1 | 2 | 3;
  timezone: string;
}

/** How an instant is rendered: zone name Amsterdam or UTC (type 3), offset (type 1), abbreviation (type 2). */
export type PhpDateStyle = "amsterdam" | "utc" | "offset" | "abbreviation";

const HOUR_MS = 3_600_000;
const offsetFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", timeZoneName: "longOffset" });
const offsetCache = new Map<number, number>();

/** Minutes Amsterdam is ahead of UTC at instant `ms` (60 or 120). */
function amsterdamOffsetMinutes(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  const cached = offsetCache.get(hour);
  if (cached !== undefined) return cached;
  const name =
    offsetFormat.formatToParts(new Date(hour * HOUR_MS)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  const minutes = match ? (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  offsetCache.set(hour, minutes);
  return minutes;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** "YYYY-MM-DD HH:MM:SS.000000" of instant `ms` shifted by `offsetMinutes`. */
function localString(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds() * 1000, 6)}`
  );
}

function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function phpDate(ms: number, style: PhpDateStyle = "amsterdam"): PhpDate {
  switch (style) {
    case "utc":
      return { date: localString(ms, 0), timezone_type: 3, timezone: "UTC" };
    case "offset": {
      const offset = amsterdamOffsetMinutes(ms);
      return { date: localString(ms, offset), timezone_type: 1, timezone: offsetLabel(offset) };
    }
    case "abbreviation": {
      const offset = amsterdamOffsetMinutes(ms);
      return { date: localString(ms, offset), timezone_type: 2, timezone: offset === 120 ? "CEST" : "CET" };
    }
    case "amsterdam":
      return { date: localString(ms, amsterdamOffsetMinutes(ms)), timezone_type: 3, timezone: "Europe/Amsterdam" };
  }
}

/** ISO 8601 in UTC without milliseconds, as the status endpoint answers: "2023-10-05T14:48:00Z". */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

const DATE_INPUT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a `modified_since` value: "2025-01-01 00:00", "2025-01-01", or ISO 8601
 * with or without an offset. Without an offset the time is read as Amsterdam
 * local time (the upstream's zone). Returns epoch ms, or undefined if invalid.
 */
export function parseDateInput(input: string): number | undefined {
  const m = DATE_INPUT.exec(input.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? "0", m[5] ?? "0", m[6] ?? "0"].map(
    Number,
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return undefined;
  const zone = m[7];
  if (zone) {
    if (zone.toUpperCase() === "Z") return asUtc;
    const digits = zone.replace(":", "");
    const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
    return asUtc - (digits[0] === "-" ? -minutes : minutes) * 60_000;
  }
  const guess = asUtc - amsterdamOffsetMinutes(asUtc) * 60_000;
  return asUtc - amsterdamOffsetMinutes(guess) * 60_000;
}
