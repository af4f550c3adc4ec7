import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

function keys(value: unknown, prefix = ""): string[] {
  if (!value || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogues", () => {
  it("English and Dutch have the same keys", () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it("no message is empty", () => {
    for (const catalogue of [en, nl]) {
      for (const key of keys(catalogue)) {
        const value = key
          .split(".")
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        expect(typeof value === "string" && value.trim().length > 0, key).toBe(true);
      }
    }
  });

  it("a download's kind is said in words, and a kind without words as the upstream sent it", () => {
    const said = (messages: typeof en, locale: string) => {
      const t = createTranslator({ locale, messages, namespace: "product" });
      return ["document", "image", "file", "spec-sheet"].map((type) => t("fileType", { type }));
    };
    expect(said(en, "en")).toEqual(["Document", "Picture", "File", "spec-sheet"]);
    expect(said(nl, "nl")).toEqual(["Document", "Afbeelding", "Bestand", "spec-sheet"]);
  });

  it("an order timeline's words for a step's state are no status's name (\"Complete: Complete\" says nothing)", () => {
    for (const catalogue of [en, nl]) {
      const statuses = Object.values(catalogue.orderStatus).map((name) => name.toLowerCase());
      const { done, upcoming } = catalogue.orders.timeline;
      expect(statuses).not.toContain(done.toLowerCase());
      expect(statuses).not.toContain(upcoming.toLowerCase());
    }
  });

  it("a parcel without a piece number is named by its tracker code, not by a placeholder", () => {
    const said = (messages: typeof en, locale: string) => {
      const t = createTranslator({ locale, messages, namespace: "orders.shipments" });
      return [2, "unknown"].flatMap((piece) => [
        t("parcel", { courier: "DHL", piece }),
        t("track", { courier: "DHL", piece, code: "JVGL1" }),
      ]);
    };
    expect(said(en, "en")).toEqual([
      "DHL, parcel 2",
      "Track parcel 2 with DHL",
      "DHL, parcel",
      "Track parcel JVGL1 with DHL",
    ]);
    expect(said(nl, "nl")).toEqual([
      "DHL, pakket 2",
      "Volg pakket 2 bij DHL",
      "DHL, pakket",
      "Volg pakket JVGL1 bij DHL",
    ]);
  });
});
