import { describe, expect, it } from "vitest";

import { checkoutValuesOf, keptValues, stateAfterPlacing } from "./form-state";
import { checkoutSchema } from "./schema";

function posted(fields: Record<string, string | Blob>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe("a checkout form posted without JavaScript", () => {
  it("is read as the schema's input: a drop-shipment with a test order ticked passes the schema", () => {
    const values = checkoutValuesOf(
      posted({
        attemptId: "ABCDEFGHJK23",
        reference: "NOJS-1",
        notes: "",
        test: "on",
        delivery: "dropship",
        firstName: "Jane",
        lastName: "Doe",
        phone: "+31 20 123 4567",
        street: "Elm Street",
        houseNumber: "4",
        postcode: "1234 ab",
        city: "Utrecht",
        country: "NL",
      }),
    );
    const parsed = checkoutSchema.safeParse(values);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ test: true, delivery: "dropship", postcode: "1234 ab", company: "" });
  });

  it("an unticked box is false, a file in a text field is nothing, an unknown country is refused by the schema", () => {
    const values = checkoutValuesOf(
      posted({ attemptId: "ABCDEFGHJK23", reference: new Blob(["x"]), delivery: "own", country: "FR" }),
    );
    expect(values).toMatchObject({ test: false, reference: "", country: "FR" });
    const parsed = checkoutSchema.safeParse(values);
    expect(parsed.success).toBe(false);
    // What is shown again keeps the form's own choices.
    expect(keptValues(values)).toMatchObject({ country: "NL", reference: "", delivery: "own" });
  });
});

describe("the form after Place order", () => {
  const values = keptValues({ attemptId: "ABCDEFGHJK23", reference: "R-1", delivery: "own" });

  it("a refusal naming a field goes back to the details with the wholesaler's words, under a new attempt id", () => {
    const state = stateAfterPlacing(values, {
      kind: "rejected",
      fields: { reference: "too similar" },
      lines: {},
      general: [],
      nextAttemptId: "ZZZZZZZZZZ22",
    });
    expect(state).toMatchObject({
      step: "details",
      attemptId: "ZZZZZZZZZZ22",
      values: { attemptId: "ZZZZZZZZZZ22", reference: "R-1" },
      fields: { reference: "upstream:too similar" },
      problem: { key: "rejected" },
    });
  });

  it("an unknown outcome stays on the review under the same attempt id, so a retry cannot order twice", () => {
    expect(stateAfterPlacing(values, { kind: "unknown" })).toMatchObject({
      step: "review",
      attemptId: "ABCDEFGHJK23",
      problem: { tone: "warning", key: "unknown" },
    });
  });

  it("a cart ordered already shows neither form again: the order that holds it, named and linked", () => {
    expect(
      stateAfterPlacing(values, { kind: "already-ordered", order: { id: "100343", path: "/orders/100343" } }),
    ).toMatchObject({
      step: "ordered",
      problem: { key: "alreadyOrdered", order: { id: "100343", path: "/orders/100343" } },
    });
  });
});
