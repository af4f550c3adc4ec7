/**
 * Turns an uploaded order list into text: UTF-8 (with or without a BOM), UTF-16 little or big
 * endian (with a BOM, or recognised by its pattern of NUL bytes, as Excel's "Unicode text" and
 * some exports write it), or Windows-1252 for older Excel CSV files that are not valid UTF-8.
 * Null when the bytes are not text (NULs remain after decoding).
 */
export function decodeListFile(bytes: Uint8Array): string | null {
  const encoding = encodingOf(bytes);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: encoding === "utf-8" }).decode(bytes);
  } catch {
    text = new TextDecoder("windows-1252").decode(bytes);
  }
  text = text.replace(/^\uFEFF/, "");
  return text.includes("\u0000") ? null : text;
}

function encodingOf(bytes: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  // No BOM: ASCII text in UTF-16 has a NUL in every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  if (sample.length < 2) return "utf-8";
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < sample.length; index += 2) {
    if (sample[index] === 0) evenNuls++;
    if (sample[index + 1] === 0) oddNuls++;
  }
  const pairs = sample.length / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return "utf-16le";
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return "utf-16be";
  return "utf-8";
}
