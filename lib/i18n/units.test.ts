import { readFileSync } from "node:fs";

import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";

import { UNIT_KEYS, unitKey, unitName } from "./units";

const messages = (locale: string) => JSON.parse(readFileSync(`messages/${locale}.json`, "utf8"));
const translator = (locale: string) => {
  const t = createTranslator({ locale, messages: messages(locale), namespace: "units" });
  return (key: (typeof UNIT_KEYS)[number], values: { count: number }) => t(key, values);
};

describe("unit vocabulary", () => {
  it("knows every code the simulator and the reference use, in any case", () => {
    for (const code of ["STUKS", "stuks", "Stuks", "piece", "PIECE", "st", "pcs", "pc"])
      expect(unitKey(code)).toBe("piece");
    for (const code of ["DOOS", "doos", "box", "BOX"]) expect(unitKey(code)).toBe("box");
    expect(unitKey("paar")).toBe("pair");
    expect(unitKey("MTR")).toBe("metre");
    expect(unitKey(" rol ")).toBe("roll");
    expect(unitKey("ZAK")).toBe("bag");
    expect(unitKey("pak")).toBe("pack");
  });

  it("names a unit in English and Dutch, with plurals", () => {
    const en = translator("en");
    const nl = translator("nl");
    expect(unitName(en, "STUKS")).toBe("piece");
    expect(unitName(en, "STUKS", 3)).toBe("pieces");
    expect(unitName(nl, "piece")).toBe("stuk");
    expect(unitName(nl, "piece", 3)).toBe("stuks");
    expect(unitName(en, "DOOS")).toBe("box");
    expect(unitName(en, "DOOS", 2)).toBe("boxes");
    expect(unitName(nl, "box")).toBe("doos");
    expect(unitName(nl, "box", 2)).toBe("dozen");
    expect(unitName(nl, "pair", 2)).toBe("paar");
    expect(unitName(en, "rol", 2)).toBe("rolls");
  });

  it("has every unit in both languages", () => {
    for (const locale of ["en", "nl"]) {
      const t = translator(locale);
      for (const key of UNIT_KEYS) {
        expect(t(key, { count: 1 })).toMatch(/^\p{L}/u);
        expect(t(key, { count: 5 })).toMatch(/^\p{L}/u);
      }
    }
  });

  it("shows an unknown code as sent, and logs it once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const en = translator("en");
    expect(unitName(en, "Krat-7")).toBe("Krat-7");
    expect(unitName(en, "Krat-7", 4)).toBe("Krat-7");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain("Krat-7");
    expect(unitName(en, "")).toBe("piece");
    expect(unitName(en, null)).toBe("piece");
    warn.mockRestore();
  });
});
