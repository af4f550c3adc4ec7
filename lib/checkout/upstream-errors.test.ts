import { describe, expect, it } from "vitest";

import { mapUpstreamErrors } from "./upstream-errors";

describe("mapUpstreamErrors", () => {
  it("puts each Laravel field error on its form field or cart line", () => {
    expect(
      mapUpstreamErrors(
        {
          reference: ["The reference may not be greater than 50 characters."],
          "shipping.address.postcode": ["The postcode is invalid."],
          "products.1.amount": ["The amount must be a multiple of 10."],
          "products.7.sku": ["Unknown."],
          products: ["Drop-shipment is not possible for these products."],
        },
        ["A1", "B2"],
      ),
    ).toEqual({
      fields: {
        reference: "The reference may not be greater than 50 characters.",
        postcode: "The postcode is invalid.",
      },
      lines: { B2: "The amount must be a multiple of 10." },
      general: ["Unknown.", "Drop-shipment is not possible for these products."],
    });
  });
});
