import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { RUN_REASONS } from "@/lib/catalogue/sync/run-reasons";
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

  it("every reason a sync run keeps is said in words in both languages, each in its own", () => {
    for (const [messages, locale] of [
      [en, "en"],
      [nl, "nl"],
    ] as const) {
      const t = createTranslator({ locale, messages, namespace: "admin" });
      const said = RUN_REASONS.map((reason) => t("runReason", { reason, failed: 3 }));
      // No code shows: none is a sentence, and every code but "error" has an underscore.
      for (const [i, sentence] of said.entries()) expect(sentence, RUN_REASONS[i]).toMatch(/^[^_]+\.$/);
      // Only "error" falls to the message's `other`: every other reason has words of its own.
      expect(new Set(said).size).toBe(RUN_REASONS.length);
      expect(t("runReason", { reason: "error", failed: 0 })).toBe(t("runReason", { reason: "unheard-of", failed: 0 }));
    }
    const failed = (messages: typeof en, locale: string, count: number) =>
      createTranslator({ locale, messages, namespace: "admin" })("runReason", {
        reason: "products_failed",
        failed: count,
      });
    expect(failed(en, "en", 1)).toBe("1 product could not be read; the next runs try again.");
    expect(failed(en, "en", 3)).toBe("3 products could not be read; the next runs try again.");
    expect(failed(nl, "nl", 1)).toBe("1 product kon niet gelezen worden; de volgende runs proberen het opnieuw.");
    expect(failed(nl, "nl", 3)).toBe("3 producten konden niet gelezen worden; de volgende runs proberen het opnieuw.");
  });
});
