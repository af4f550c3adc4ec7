import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";

import { fileSize } from "./product-files";

/** A download's size is a number of the reader's language, in kB or MB, or nothing when it is not known. */
describe("fileSize", () => {
  const en = createFormatter({ locale: "en" });
  const nl = createFormatter({ locale: "nl" });

  it("says megabytes with one decimal in each language's own way", () => {
    expect(fileSize(2_450_000, en)).toBe("2.5 MB");
    expect(fileSize(2_450_000, nl)).toBe("2,5 MB");
    expect(fileSize(12_000_000, nl)).toBe("12 MB");
  });

  it("says kilobytes whole, and at least 1", () => {
    expect(fileSize(200, nl)).toBe("1 kB");
    expect(fileSize(48_400, en)).toBe("48 kB");
    expect(fileSize(999_400, en)).toBe("999 kB");
    expect(fileSize(999_400, nl)).toBe("999 kB");
  });

  it("says nothing for a size the wholesaler did not give", () => {
    expect(fileSize(null, en)).toBe("");
    expect(fileSize(0, nl)).toBe("");
  });
});
