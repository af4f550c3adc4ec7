import {
  BarcodeFormat,
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  MultiFormatReader,
  RGBLuminanceSource,
} from "@zxing/library";

/**
 * Decoding with ZXing (pure JavaScript) for browsers without `BarcodeDetector`
 * (desktop Linux, Firefox, older Safari): EAN-13, EAN-8, UPC-A and Code 128
 * from one frame's luminance.
 */

export type ScanFormat = "ean_13" | "ean_8" | "upc_a" | "code_128";

const FORMATS: Record<number, ScanFormat> = {
  [BarcodeFormat.EAN_13]: "ean_13",
  [BarcodeFormat.EAN_8]: "ean_8",
  [BarcodeFormat.UPC_A]: "upc_a",
  [BarcodeFormat.CODE_128]: "code_128",
};

export interface DecodedBarcode {
  text: string;
  format: ScanFormat;
}

export function createZxingDecoder() {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [
      DecodeHintType.POSSIBLE_FORMATS,
      [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.CODE_128],
    ],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  return {
    /** The barcode in a frame of `width` × `height` luminance bytes, or null when none is readable. */
    decode(luminance: Uint8ClampedArray, width: number, height: number): DecodedBarcode | null {
      try {
        const bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)));
        const result = reader.decodeWithState(bitmap);
        const format = FORMATS[result.getBarcodeFormat()];
        return format ? { text: result.getText(), format } : null;
      } catch {
        // NotFound, checksum and format errors all mean: nothing readable in this frame.
        return null;
      } finally {
        reader.reset();
      }
    },
  };
}

/** Luminance of RGBA pixels (a canvas's ImageData), green-weighted like ZXing's own. */
export function rgbaToLuminance(rgba: Uint8ClampedArray, width: number, height: number): Uint8ClampedArray {
  const luminance = new Uint8ClampedArray(width * height);
  for (let pixel = 0, offset = 0; pixel < luminance.length; pixel++, offset += 4) {
    luminance[pixel] = (rgba[offset]! + 2 * rgba[offset + 1]! + rgba[offset + 2]!) >> 2;
  }
  return luminance;
}
