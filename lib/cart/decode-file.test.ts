import { describe, expect, it } from "vitest";

import { decodeListFile } from "./decode-file";
import { parseOrderList } from "./order-list-parser";

const CSV = "SKU;Aantal\r\nAB-100;2\r\nCD-200;5,5\r\n";

function utf16(text: string, endian: "le" | "be", bom: boolean): Uint8Array {
  const bytes: number[] = bom ? (endian === "le" ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const pair = [unit & 0xff, unit >> 8];
    bytes.push(...(endian === "le" ? pair : pair.reverse()));
  }
  return new Uint8Array(bytes);
}

describe("decodeListFile", () => {
  it.each([
    ["UTF-16 LE with a BOM", utf16(CSV, "le", true)],
    ["UTF-16 BE with a BOM", utf16(CSV, "be", true)],
    ["UTF-16 LE without a BOM", utf16(CSV, "le", false)],
    ["UTF-16 BE without a BOM", utf16(CSV, "be", false)],
    ["UTF-8 with a BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)])],
    ["UTF-8", new TextEncoder().encode(CSV)],
  ])("reads %s as the same lines, without NULs", (_name, bytes) => {
    const text = decodeListFile(bytes);
    expect(text).toBe(CSV);
    expect(parseOrderList(text!).entries).toEqual([
      { line: 2, identifier: "AB-100", quantity: 2 },
      { line: 3, identifier: "CD-200", quantity: 5.5 },
    ]);
  });

  it("reads an old Excel CSV in Windows-1252", () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("AB-100;2;caf"), 0xe9, 0x0d, 0x0a]);
    expect(decodeListFile(bytes)).toBe("AB-100;2;café\r\n");
  });

  it("refuses bytes that are not text", () => {
    expect(decodeListFile(new Uint8Array([0x00, 0x00, 0x00, 0x01, 0x41, 0x00, 0x00, 0x00]))).toBeNull();
    expect(decodeListFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]))).toBeNull();
  });
});
