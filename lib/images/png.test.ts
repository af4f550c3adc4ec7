import { inflateSync } from "node:zlib";

import { describe, expect, it } from "vitest";

import { encodePng } from "./png";

describe("PNG encoder", () => {
  it("writes signature, header, filtered rows and a correct IEND", () => {
    const png = encodePng({ width: 2, height: 2, channels: 1, pixels: new Uint8Array([0, 255, 255, 0]) });
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    expect(png.readUInt32BE(16)).toBe(2);
    expect(png[25]).toBe(0);
    // IEND's CRC is always AE 42 60 82.
    expect(png.subarray(-4).toString("hex")).toBe("ae426082");
    const idatLength = png.readUInt32BE(33);
    const rows = inflateSync(png.subarray(41, 41 + idatLength));
    expect([...rows]).toEqual([0, 0, 255, 0, 255, 0]);
  });

  it("refuses pixel data of the wrong size", () => {
    expect(() => encodePng({ width: 2, height: 2, channels: 4, pixels: new Uint8Array(4) })).toThrow();
  });
});
