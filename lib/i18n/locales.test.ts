import { describe, expect, it } from "vitest";

import { localeFromAcceptLanguage } from "./locales";

describe("localeFromAcceptLanguage", () => {
  it.each([
    ["nl-NL,nl;q=0.9,en;q=0.8", "nl"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,nl;q=0.5,en;q=0.7", "en"],
    ["de-DE,fr;q=0.5", "en"],
    ["fr;q=0.9, nl-BE;q=0.95", "nl"],
    ["", "en"],
    [null, "en"],
    ["nl;q=0", "en"],
  ])("%s → %s", (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale);
  });
});
