/**
 * One vocabulary for the upstream's unit codes (`sales_unit`, `price_unit`): the wholesaler writes
 * them in Dutch or English, in any case ("STUKS", "stuks", "st", "pcs", "piece", "DOOS", "box").
 * Every page names a unit through `unitName`, with the `units` messages (ICU plurals, both
 * languages). A code not in the vocabulary is shown as sent and logged once per process.
 */

export const UNIT_KEYS = [
  "piece",
  "box",
  "pair",
  "metre",
  "roll",
  "set",
  "pack",
  "bag",
  "litre",
  "kilogram",
  "sheet",
  "can",
  "bottle",
  "tube",
] as const;

export type UnitKey = (typeof UNIT_KEYS)[number];

const CODES: Record<UnitKey, readonly string[]> = {
  piece: ["stuks", "stuk", "st", "stk", "st.", "piece", "pieces", "pcs", "pc", "pce", "ea", "each", "unit", "units"],
  box: ["doos", "dozen", "ds", "box", "boxes", "bx", "carton", "karton"],
  pair: ["paar", "pair", "pairs", "pr"],
  metre: ["meter", "meters", "metre", "metres", "m", "mtr", "mt"],
  roll: ["rol", "rollen", "roll", "rolls", "rl"],
  set: ["set", "sets", "st/set"],
  pack: ["pak", "pakken", "pack", "packs", "pk", "pkt", "pakket", "packet"],
  bag: ["zak", "zakken", "bag", "bags"],
  litre: ["liter", "liters", "litre", "litres", "l", "ltr"],
  kilogram: ["kilogram", "kilograms", "kg", "kilo"],
  sheet: ["vel", "vellen", "sheet", "sheets"],
  can: ["blik", "blikken", "can", "cans"],
  bottle: ["fles", "flessen", "bottle", "bottles"],
  tube: ["tube", "tubes"],
};

const BY_CODE = new Map<string, UnitKey>(
  (Object.entries(CODES) as [UnitKey, readonly string[]][]).flatMap(([key, codes]) =>
    codes.map((code) => [code, key] as const),
  ),
);

const normalise = (code: string) => code.trim().toLowerCase().replace(/\s+/g, " ");

const loggedUnknown = new Set<string>();

/** The vocabulary's key of a unit code, in any case; null for an empty or unknown code. */
export function unitKey(code: string | null | undefined): UnitKey | null {
  if (!code) return null;
  const key = BY_CODE.get(normalise(code));
  if (key) return key;
  if (normalise(code) && !loggedUnknown.has(code) && loggedUnknown.size < 1000) {
    loggedUnknown.add(code);
    console.warn(`unit vocabulary: unknown unit code ${JSON.stringify(code.slice(0, 40))}, shown as sent`);
  }
  return null;
}

/** A translator of the `units` namespace (next-intl's `useTranslations("units")` or `getTranslations`). */
export type UnitTranslator = (key: UnitKey, values: { count: number }) => string;

/**
 * A unit's name in the page's language for a count ("piece", "pieces", "doos", "dozen"); an
 * unknown code as sent (trimmed), an empty one as the generic piece.
 */
export function unitName(t: UnitTranslator, code: string | null | undefined, count = 1): string {
  const key = code?.trim() ? unitKey(code) : "piece";
  return key ? t(key, { count }) : (code ?? "").trim();
}
