/**
 * The upstream serialises dates as PHP `DateTime` objects:
 * `{ date: "2024-01-01 12:00:00.000000", timezone_type: 3, timezone: "Europe/Amsterdam" }`.
 * `date` is the wall-clock time in `timezone`, which is an offset (type 1),
 * an abbreviation (type 2) or a zone name (type 3). This module turns one into an instant.
 */

export interface PhpDate {
  date: string;
  timezone_type: number;
  timezone: string;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

/** Abbreviations PHP emits for timezone_type 2, as minutes east of UTC. */
const ABBREVIATIONS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  Z: 0,
  WET: 0,
  WEST: 60,
  BST: 60,
  CET: 60,
  CEST: 120,
  MET: 60,
  MEST: 120,
  EET: 120,
  EEST: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

export class PhpDateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PhpDateError";
  }
}

/** Milliseconds since the epoch of the wall-clock fields, read as if they were UTC. */
function wallClockAsUtc(local: string): number {
  const match = LOCAL_TIME.exec(local.trim());
  if (!match) throw new PhpDateError(`not a PHP date: "${local}"`);
  const [, y, mo, d, h, mi, s, fraction] = match;
  const ms = fraction ? Math.floor(Number(fraction.padEnd(6, "0")) / 1000) : 0;
  const value = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
  if (Number.isNaN(value)) throw new PhpDateError(`not a PHP date: "${local}"`);
  return value;
}

function offsetMinutes(offset: string): number {
  const match = OFFSET.exec(offset.trim());
  if (!match) throw new PhpDateError(`not a UTC offset: "${offset}"`);
  const [, sign, hours, minutes] = match;
  const value = Number(hours) * 60 + Number(minutes);
  return sign === "-" ? -value : value;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = zoneFormatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      });
    } catch {
      throw new PhpDateError(`unknown time zone: "${zone}"`);
    }
    zoneFormatters.set(zone, formatter);
  }
  return formatter;
}

/**
 * Offsets per zone and UTC day (NaN for a day on which the zone changes its offset); such a day
 * is cached per quarter hour, since every zone changes its offset on a quarter hour of UTC.
 * Reading the SKU list of a large catalogue converts 100,000 dates: without the cache, seconds.
 */
const dayOffsets = new Map<string, Map<number, number>>();
const quarterOffsets = new Map<string, Map<number, number>>();
const DAY_MS = 86_400_000;
const QUARTER_HOUR_MS = 15 * 60_000;
const CACHE_LIMIT = 100_000;

function cached(store: Map<string, Map<number, number>>, zone: string, slot: number, compute: () => number): number {
  let byZone = store.get(zone);
  if (!byZone) {
    byZone = new Map();
    store.set(zone, byZone);
  }
  let value = byZone.get(slot);
  if (value === undefined) {
    value = compute();
    if (byZone.size >= CACHE_LIMIT) byZone.clear();
    byZone.set(slot, value);
  }
  return value;
}

/** The zone's offset from UTC at an instant, in minutes (daylight saving included). */
export function zoneOffsetMinutes(zone: string, instant: number): number {
  const day = Math.floor(instant / DAY_MS);
  const wholeDay = cached(dayOffsets, zone, day, () => {
    const start = computeZoneOffsetMinutes(zone, day * DAY_MS);
    return computeZoneOffsetMinutes(zone, (day + 1) * DAY_MS - 1000) === start ? start : Number.NaN;
  });
  if (!Number.isNaN(wholeDay)) return wholeDay;
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  return cached(quarterOffsets, zone, quarter, () => computeZoneOffsetMinutes(zone, quarter * QUARTER_HOUR_MS));
}

function computeZoneOffsetMinutes(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of zoneFormatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const wholeSeconds = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

/**
 * The instant of a wall-clock time in a named zone. In the hour that is
 * repeated when daylight saving ends, the first (summer-time) instant is taken;
 * a time skipped when it starts is moved forward by the gap, as PHP does.
 */
function instantInZone(wallClock: number, zone: string): number {
  const firstGuess = wallClock - zoneOffsetMinutes(zone, wallClock) * 60_000;
  const offsetAtGuess = zoneOffsetMinutes(zone, firstGuess);
  const candidate = wallClock - offsetAtGuess * 60_000;
  const earlierOffset = zoneOffsetMinutes(zone, candidate - 60 * 60_000);
  if (earlierOffset > offsetAtGuess) {
    const earlier = wallClock - earlierOffset * 60_000;
    if (zoneOffsetMinutes(zone, earlier) === earlierOffset) return earlier;
  }
  return candidate;
}

/** The instant a PHP date object stands for. Throws PhpDateError when it cannot be read. */
export function phpDateToInstant(value: PhpDate): Date {
  const wallClock = wallClockAsUtc(value.date);
  let instant: number;
  switch (value.timezone_type) {
    case 1:
      instant = wallClock - offsetMinutes(value.timezone) * 60_000;
      break;
    case 2: {
      const offset = ABBREVIATIONS[value.timezone.trim().toUpperCase()];
      if (offset === undefined) throw new PhpDateError(`unknown time zone abbreviation: "${value.timezone}"`);
      instant = wallClock - offset * 60_000;
      break;
    }
    case 3:
      instant =
        value.timezone.trim().toUpperCase() === "UTC" ? wallClock : instantInZone(wallClock, value.timezone.trim());
      break;
    default:
      throw new PhpDateError(`unknown timezone_type ${value.timezone_type}`);
  }
  return new Date(instant);
}

/** Formats an instant the way the upstream's `modified_since` of the product list expects: `2025-01-01 00:00`. */
export function toUpstreamMinute(instant: Date, zone = "UTC"): string {
  const parts: Record<string, string> = {};
  for (const part of zoneFormatter(zone).formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
