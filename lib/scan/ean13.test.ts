import { describe, expect, it } from "vitest";

import { ean13Digits, ean13Modules, renderEan13 } from "./ean13";
import { createZxingDecoder } from "./zxing-decoder";

function luminance(image: { pixels: Uint8Array }): Uint8ClampedArray {
  return new Uint8ClampedArray(image.pixels);
}

describe("EAN-13 renderer", () => {
  it("adds or checks the check digit", () => {
    expect(ean13Digits("400638133393")).toBe("4006381333931");
    expect(ean13Digits("4006381333931")).toBe("4006381333931");
    expect(() => ean13Digits("4006381333932")).toThrow();
    expect(() => ean13Digits("12345")).toThrow();
  });

  it("lays out 95 modules with guards", () => {
    const modules = ean13Modules("5901234123457");
    expect(modules).toHaveLength(95);
    expect(modules.slice(0, 3)).toBe("101");
    expect(modules.slice(45, 50)).toBe("01010");
    expect(modules.slice(-3)).toBe("101");
    // Wikipedia's example: first digit 5 gives the parity LGGLLG; "9" in L is 0001011.
    expect(modules.slice(3, 10)).toBe("0001011");
  });

  it("draws images that ZXing reads back, for every leading digit", () => {
    const decoder = createZxingDecoder();
    for (let first = 0; first <= 9; first++) {
      const code = ean13Digits(`${first}71234567890`);
      const image = renderEan13(code, { width: 640, height: 240, moduleWidth: 3 });
      const read = decoder.decode(luminance(image), image.width, image.height);
      // A leading zero is a UPC-A: ZXing gives its 12 digits.
      expect(read).toEqual(first === 0 ? { text: code.slice(1), format: "upc_a" } : { text: code, format: "ean_13" });
    }
  });

  it("finds nothing in a blank frame", () => {
    const blank = new Uint8ClampedArray(320 * 240).fill(255);
    expect(createZxingDecoder().decode(blank, 320, 240)).toBeNull();
  });

  it("refuses a barcode that does not fit with its quiet zones", () => {
    expect(() => renderEan13("4006381333931", { width: 200, height: 100, moduleWidth: 2 })).toThrow();
  });
});
