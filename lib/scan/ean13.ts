import { gs1CheckDigit } from "./codes";

/**
 * A small EAN-13 encoder and renderer: the 95 modules of a code, and a grey
 * raster of them with quiet zones. The tests use it to make barcode images and
 * the fake camera's video without external tools.
 */

const L = [
  "0001101",
  "0011001",
  "0010011",
  "0111101",
  "0100011",
  "0110001",
  "0101111",
  "0111011",
  "0110111",
  "0001011",
];
const G = [
  "0100111",
  "0110011",
  "0011011",
  "0100001",
  "0011101",
  "0111001",
  "0000101",
  "0010001",
  "0001001",
  "0010111",
];
const R = [
  "1110010",
  "1100110",
  "1101100",
  "1000010",
  "1011100",
  "1001110",
  "1010000",
  "1000100",
  "1001000",
  "1110100",
];
/** Which of the left six digits use the G set, by the first digit. */
const PARITY = ["LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG", "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"];

/** The 13 digits of an EAN-13 from 12 (check digit added) or 13 (checked). */
export function ean13Digits(code: string): string {
  if (/^\d{12}$/.test(code)) return `${code}${gs1CheckDigit(code)}`;
  if (/^\d{13}$/.test(code) && gs1CheckDigit(code.slice(0, 12)) === Number(code[12])) return code;
  throw new Error(`not an EAN-13: ${code}`);
}

/** The 95 modules of an EAN-13, "1" for a bar and "0" for a space. */
export function ean13Modules(code: string): string {
  const digits = [...ean13Digits(code)].map(Number);
  const parity = PARITY[digits[0]!]!;
  let modules = "101";
  for (let index = 1; index <= 6; index++) {
    const set = parity[index - 1] === "G" ? G : L;
    modules += set[digits[index]!]!;
  }
  modules += "01010";
  for (let index = 7; index <= 12; index++) modules += R[digits[index]!]!;
  return `${modules}101`;
}

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row: 0 black, 255 white. */
  pixels: Uint8Array;
}

/**
 * The barcode centred on a white canvas of `width` × `height` pixels, each
 * module `moduleWidth` pixels wide, bars `barHeight` pixels tall.
 */
export function renderEan13(
  code: string,
  {
    width,
    height,
    moduleWidth = 4,
    barHeight = Math.round(height * 0.6),
  }: { width: number; height: number; moduleWidth?: number; barHeight?: number },
): GreyImage {
  const modules = ean13Modules(code);
  const barcodeWidth = modules.length * moduleWidth;
  if (barcodeWidth + 2 * 11 * moduleWidth > width) throw new Error("the barcode and its quiet zones do not fit");
  const pixels = new Uint8Array(width * height).fill(255);
  const left = Math.floor((width - barcodeWidth) / 2);
  const top = Math.floor((height - barHeight) / 2);
  for (let row = top; row < top + barHeight; row++) {
    for (let index = 0; index < modules.length; index++) {
      if (modules[index] !== "1") continue;
      const start = row * width + left + index * moduleWidth;
      pixels.fill(0, start, start + moduleWidth);
    }
  }
  return { width, height, pixels };
}
