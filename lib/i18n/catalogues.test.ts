import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import { ERROR_REASONS, RUN_REASONS } from "@/lib/catalogue/sync/run-reasons";
import { FEATURE_NAMESPACES, SHELL_NAMESPACES } from "@/lib/i18n/client-messages";
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

  it("every reason a sync run or a product it could not read keeps is said in words in both languages, each in its own", () => {
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
    for (const [messages, locale] of [
      [en, "en"],
      [nl, "nl"],
    ] as const) {
      // A product the sync could not read says why in its own words, for each reason an error gives.
      const t = createTranslator({ locale, messages, namespace: "admin" });
      const said = ERROR_REASONS.map((reason) => t("retryReason", { reason }));
      for (const [i, sentence] of said.entries()) expect(sentence, ERROR_REASONS[i]).toMatch(/^[^_]+\.$/);
      expect(new Set(said).size).toBe(ERROR_REASONS.length);
      expect(t("retryReason", { reason: "error" })).toBe(t("retryReason", { reason: "unheard-of" }));
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

  it("calls a list price by one name in each language, on every page, export and list", () => {
    for (const [catalogue, name, others] of [
      [en, "List price", /\b(gross|catalogue) price/i],
      [nl, "Catalogusprijs", /lijstprijs|brutoprijs/i],
    ] as const) {
      const labels = keys(catalogue).filter((key) => key.endsWith(".listPrice"));
      expect(labels.length).toBeGreaterThan(2);
      for (const key of labels) expect(messageAt(catalogue, key), key).toBe(name);
      for (const key of keys(catalogue)) expect(messageAt(catalogue, key), key).not.toMatch(others);
    }
  });

  it('says every count and quantity as a number of the language ("5.000", not "5000")', () => {
    // The arguments that always hold a count, a quantity or a rate. A plain `{total}` prints the digits
    // as they are; `{total, number}` (or a plural's #) groups them as the language does.
    const counted = new Set(NUMBER_ARGUMENTS);
    for (const [name, catalogue] of [
      ["en", en],
      ["nl", nl],
    ] as const) {
      const plain: string[] = [];
      const walk = (elements: MessageFormatElement[], key: string) => {
        for (const element of elements) {
          if (element.type === TYPE.argument && counted.has(element.value)) plain.push(`${key}: {${element.value}}`);
          if (element.type === TYPE.select || element.type === TYPE.plural)
            for (const option of Object.values(element.options)) walk(option.value, key);
          if (element.type === TYPE.tag) walk(element.children, key);
        }
      };
      for (const key of keys(catalogue))
        if (!SHOWN_AS_A_PAGE_WAKES_UP.includes(key)) walk(parse(messageAt(catalogue, key)), key);
      expect(plain, name).toEqual([]);
    }
    // Only a message the browser is sent can be shown by a client component.
    const sent = [...SHELL_NAMESPACES, ...Object.values(FEATURE_NAMESPACES).flat()];
    for (const key of SHOWN_AS_A_PAGE_WAKES_UP)
      expect(
        sent.some((namespace) => key.startsWith(`${namespace}.`)),
        key,
      ).toBe(true);
    const admin = (messages: typeof en, locale: string) => createTranslator({ locale, messages, namespace: "admin" });
    expect(admin(en, "en")("productsValue", { available: 99_950, total: 100_000 })).toBe("99,950 available of 100,000");
    expect(admin(nl, "nl")("productsValue", { available: 99_950, total: 100_000 })).toBe(
      "99.950 beschikbaar van 100.000",
    );
    const orders = (messages: typeof en, locale: string) =>
      createTranslator({ locale, messages, namespace: "orders.list" })("caption", {
        first: 1001,
        last: 1025,
        total: 1234,
      });
    expect(orders(en, "en")).toBe("Orders 1,001–1,025 of 1,234");
    expect(orders(nl, "nl")).toBe("Bestellingen 1.001–1.025 van 1.234");
  });
});

/** Names of message arguments that hold a count, a quantity or a rate, wherever they are used. */
const NUMBER_ARGUMENTS = [
  "quantity",
  "requested",
  "missing",
  "amount",
  "count",
  "total",
  "limit",
  "max",
  "page",
  "pageCount",
  "first",
  "stored",
  "listed",
  "failed",
  "vanished",
  "calls",
  "available",
  "done",
  "added",
  "index",
  "rate",
];

/**
 * Messages a client component shows as soon as its page wakes up: they keep plain arguments, as
 * formatting a number would build the browser's first number formatter (e2e/page-load-work.spec.ts).
 * Their numbers stay small: a cart's lines, a reference's 50 characters, a list name's 100.
 */
const SHOWN_AS_A_PAGE_WAKES_UP = [
  "cartCount.said",
  "checkout.referenceCount",
  "checkout.referenceOver",
  "lists.create.hint",
];

function messageAt(catalogue: unknown, key: string): string {
  return key.split(".").reduce((value: unknown, part) => (value as Record<string, unknown>)[part], catalogue) as string;
}
