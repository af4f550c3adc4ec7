import { readFileSync } from "node:fs";
import path from "node:path";

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

import { mapUpstreamErrors } from "./upstream-errors";
import { refusalsAt, wholesalerRefusal } from "./wholesaler-refusals";

/** A value for each `${…}` of the simulator's sentences, as the wholesaler fills them in. */
function filledIn(template: string): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, expression: string) => {
    if (/\bat\b/.test(expression)) return "products.0";
    if (/sku/.test(expression)) return "0100544";
    if (/max|amount/.test(expression)) return "10";
    return "reference";
  });
}

/** Every refusal sentence the simulator's order validation writes (its `v.add(field, sentence)` calls). */
function simulatorSentences(): string[] {
  const source = readFileSync(path.join(process.cwd(), "simulator/order-validation.ts"), "utf8");
  return [...source.matchAll(/v\.add\(\s*[^,]+,\s*(["`])((?:(?!\1)[^\\]|\\.)*)\1/g)].map((match) =>
    filledIn(match[2]!),
  );
}

describe("wholesalerRefusal", () => {
  it("knows every sentence the simulator's order validation refuses with, and says each in both languages", () => {
    const sentences = simulatorSentences();
    expect(sentences.length).toBeGreaterThan(15);
    const unknown = sentences.filter((sentence) => !wholesalerRefusal(sentence));
    expect(unknown).toEqual([]);
    for (const [messages, locale] of [
      [en, "en"],
      [nl, "nl"],
    ] as const) {
      const t = createTranslator({ locale, messages, namespace: "checkout.errors.wholesaler" });
      for (const sentence of sentences) {
        const refusal = wholesalerRefusal(sentence)!;
        const said = t(refusal.key, "values" in refusal ? refusal.values : undefined);
        expect(said, `${locale}: ${sentence}`).toMatch(/^(The wholesaler|De groothandel) [^{}]+\.$/);
      }
    }
  });

  it("reads the figures a sentence states", () => {
    expect(wholesalerRefusal("The reference field must not be greater than 50 characters.")).toEqual({
      key: "tooLong",
      values: { max: 50 },
      attribute: "reference",
    });
    expect(wholesalerRefusal("The reference may not be greater than 50 characters.")).toMatchObject({
      key: "tooLong",
      values: { max: 50 },
    });
    expect(wholesalerRefusal("The products.3.amount field must be a multiple of 12.")).toEqual({
      key: "multipleOf",
      values: { amount: 12 },
      attribute: "products.3.amount",
    });
    expect(wholesalerRefusal("The selected products.3.sku is invalid.")).toMatchObject({ key: "unknownProduct" });
    // A price must be a number, not a whole one.
    expect(wholesalerRefusal("The products.0.price field must be a number.")).toMatchObject({ key: "number" });
    expect(wholesalerRefusal("The product 0100544 is blocked and cannot be ordered.")).toEqual({ key: "blocked" });
  });

  it("says a refusal in our words only where they say what it is about: its own field, a line, or the order's summary", () => {
    // On its own field: ours. On another field (the shipping block's errors are shown at Street): the sentence.
    expect(refusalsAt("The shipping.address.city field is required.", { field: "city" })).toEqual([
      { key: "required", attribute: "shipping.address.city" },
    ]);
    expect(refusalsAt("The shipping.address field must be an array.", { field: "street" })).toEqual([
      { sentence: "The shipping.address field must be an array." },
    ]);
    // For the whole order, "this value" would name nothing: the sentence as written.
    expect(refusalsAt("The selected customercode is invalid.", "order")).toEqual([
      { sentence: "The selected customercode is invalid." },
    ]);
    expect(refusalsAt("The given data was invalid.", "order")).toEqual([{ key: "dataInvalid" }]);
    expect(refusalsAt("The product 0100544 is blocked and cannot be ordered.", "line")).toEqual([{ key: "blocked" }]);
  });

  it("reads each of several refusals of one line on its own", () => {
    const mapped = mapUpstreamErrors(
      {
        "products.0.sku": [
          "The product 0100544 is blocked and cannot be ordered.",
          "The product 0100544 cannot be drop-shipped.",
        ],
      },
      ["0100544"],
    );
    expect(refusalsAt(mapped.lines["0100544"]!, "line").map((said) => ("key" in said ? said.key : said))).toEqual([
      "blocked",
      "notDropshippable",
    ]);
  });

  it("leaves a sentence of another form to be shown as the wholesaler wrote it", () => {
    expect(wholesalerRefusal("Drop-shipment is not possible for these products.")).toBeNull();
    expect(wholesalerRefusal("The reference is too similar to an earlier order.")).toBeNull();
    expect(wholesalerRefusal("")).toBeNull();
  });
});
