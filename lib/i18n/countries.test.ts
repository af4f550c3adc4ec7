import { describe, expect, it } from "vitest";

import { countryCode, countryName } from "./countries";

describe("countries", () => {
  it("reads a country code or a common country name", () => {
    expect(["nl", "Nederland", "The Netherlands", "Deutschland", "België", "XYZ", null].map(countryCode)).toEqual([
      "NL",
      "NL",
      "NL",
      "DE",
      "BE",
      null,
      null,
    ]);
  });

  it("names a country in the reader's language, whether the upstream sent its code or its name", () => {
    expect(["NL", "nl", " CN ", "Deutschland", "Belgium"].map((value) => countryName(value, "nl"))).toEqual([
      "Nederland",
      "Nederland",
      "China",
      "Duitsland",
      "België",
    ]);
    expect(["NL", "TW", "Duitsland", "belgie"].map((value) => countryName(value, "en"))).toEqual([
      "Netherlands",
      "Taiwan",
      "Germany",
      "Belgium",
    ]);
  });

  it("shows what names no country it knows as it was sent", () => {
    expect(["XX", "Atlantis", "  Zeeland  ", "", null, undefined].map((value) => countryName(value, "nl"))).toEqual([
      "XX",
      "Atlantis",
      "Zeeland",
      "",
      "",
      "",
    ]);
  });
});
