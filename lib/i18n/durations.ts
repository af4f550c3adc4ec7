/** The units a length of time is said in, as `Intl.NumberFormat` names them. */
export type DurationUnit = "second" | "minute" | "hour" | "day";

/**
 * A length of time in the largest unit that still reads as a whole number a person weighs at a glance:
 * seconds under two minutes, minutes under two hours, hours under two days, then days (rounded down,
 * so that "1 day" is never said of 47 hours). "86400 seconds" says the same as "1 day" but nobody reads it.
 */
export function inLargestUnit(seconds: number): { value: number; unit: DurationUnit } {
  const whole = Math.max(0, Math.floor(seconds));
  if (whole < 120) return { value: whole, unit: "second" };
  if (whole < 2 * 3600) return { value: Math.floor(whole / 60), unit: "minute" };
  if (whole < 2 * 86_400) return { value: Math.floor(whole / 3600), unit: "hour" };
  return { value: Math.floor(whole / 86_400), unit: "day" };
}
