/** PHP dates across daylight saving, date inputs, EAN13 check digits, generated media files. */
import { describe, expect, it } from "vitest";
import { ean13CheckDigit, isValidEan13 } from "../dataset/ean13.js";
import { mediaItem, renderMedia } from "../media.js";
import { isoSeconds, parseDateInput, phpDate } from "../phpdate.js";
import { testSim } from "./helpers.js";

describe("PHP dates", () => {
  const winter = Date.UTC(2025, 0, 15, 11, 0, 0);
  const summer = Date.UTC(2025, 6, 15, 10, 0, 0);

  it("render Amsterdam local time, daylight saving included", () => {
    expect(phpDate(winter)).toEqual({
      date: "2025-01-15 12:00:00.000000",
      timezone_type: 3,
      timezone: "Europe/Amsterdam",
    });
    expect(phpDate(summer)).toEqual({
      date: "2025-07-15 12:00:00.000000",
      timezone_type: 3,
      timezone: "Europe/Amsterdam",
    });
  });

  it("render UTC, offsets (type 1) and abbreviations (type 2) for the same instant", () => {
    expect(phpDate(summer, "utc")).toEqual({ date: "2025-07-15 10:00:00.000000", timezone_type: 3, timezone: "UTC" });
    expect(phpDate(summer, "offset")).toEqual({
      date: "2025-07-15 12:00:00.000000",
      timezone_type: 1,
      timezone: "+02:00",
    });
    expect(phpDate(winter, "abbreviation")).toEqual({
      date: "2025-01-15 12:00:00.000000",
      timezone_type: 2,
      timezone: "CET",
    });
  });

  it("switch offset exactly at the DST changes (01:00 UTC, last Sundays of March and October)", () => {
    const spring = Date.UTC(2025, 2, 30, 1, 0, 0);
    expect(phpDate(spring - 1000).date).toBe("2025-03-30 01:59:59.000000");
    expect(phpDate(spring).date).toBe("2025-03-30 03:00:00.000000");
    const autumn = Date.UTC(2025, 9, 26, 1, 0, 0);
    expect(phpDate(autumn - 1000).date).toBe("2025-10-26 02:59:59.000000");
    expect(phpDate(autumn).date).toBe("2025-10-26 02:00:00.000000");
  });

  it("parse modified_since values, Amsterdam time unless an offset is given", () => {
    expect(parseDateInput("2025-07-15 12:00")).toBe(summer);
    expect(parseDateInput("2025-01-15 12:00:00")).toBe(winter);
    expect(parseDateInput("2025-07-15T10:00:00Z")).toBe(summer);
    expect(parseDateInput("2025-07-15T12:00:00+02:00")).toBe(summer);
    expect(parseDateInput("2025-01-15")).toBe(Date.UTC(2025, 0, 14, 23));
    for (const bad of ["", "yesterday", "2025-02-30 00:00", "2025-01-01 25:00", "15-01-2025"])
      expect(parseDateInput(bad), bad).toBeUndefined();
  });

  it("give ISO 8601 without milliseconds for the status endpoint", () => {
    expect(isoSeconds(summer + 999)).toBe("2025-07-15T10:00:00Z");
  });
});

describe("EAN13", () => {
  it("computes check digits", () => {
    expect(ean13CheckDigit("401570428419")).toBe(5); // the reference's 4015704284195
    expect(isValidEan13("4015704284195")).toBe(true);
    expect(isValidEan13("4015704284194")).toBe(false);
  });
});

describe("media files", () => {
  const t = testSim();
  const hash = "a1b2c3d4e5f67890123456789abcdef0";

  it("are generated from the hash: PNG, SVG and PDF, sized as their Media objects say", () => {
    const png = renderMedia(hash, "png");
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(renderMedia(hash, "svg").toString()).toMatch(/^<svg /);
    expect(renderMedia(hash, "pdf").toString("latin1")).toMatch(/^%PDF-1\.4[\s\S]*%%EOF\n$/);
    for (const ext of ["png", "svg", "pdf"] as const)
      expect(mediaItem(hash, ext, 1).size).toBe(renderMedia(hash, ext).length);
    expect(renderMedia(hash, "png").equals(renderMedia("0".repeat(32), "png"))).toBe(false);
  });

  it("are served without a token, cacheable, with an ETag and 304 on revalidation", async () => {
    const response = await t.call("GET", `/media/${hash}.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("cache-control")).toMatch(/max-age=31536000/);
    expect(response.headers.get("etag")).toBe(`"${hash}"`);
    const again = await t.call("GET", `/media/${hash}.png`, { headers: { "If-None-Match": `"${hash}"` } });
    expect(again.status).toBe(304);
  });
});
