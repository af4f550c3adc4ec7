import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { renderMedia } from "@/tests/fixtures/simulator";

import { MAX_SVG_BYTES, RASTER_SIZE, rasterizeSvg } from "./rasterize";

describe("rasterizeSvg", () => {
  it("turns the wholesaler's category drawing into a PNG of RASTER_SIZE pixels", async () => {
    const svg = renderMedia("0123456789abcdef0123456789abcdef", "svg");
    const png = await rasterizeSvg(svg);
    expect(png).not.toBeNull();
    const meta = await sharp(png!).metadata();
    expect(meta.format).toBe("png");
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(RASTER_SIZE);
    // Not blank: the drawing's colours survive.
    const stats = await sharp(png!).stats();
    expect(stats.channels.some((channel) => channel.max - channel.min > 50)).toBe(true);
  });

  it("keeps a wide drawing's proportions", async () => {
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><rect width="200" height="50" fill="#123"/></svg>',
    );
    const meta = await sharp((await rasterizeSvg(svg))!).metadata();
    expect([meta.width, meta.height]).toEqual([RASTER_SIZE, RASTER_SIZE / 4]);
  });

  it("refuses what is not a drawing, is empty or is too large", async () => {
    expect(await rasterizeSvg(Buffer.from("not a drawing at all"))).toBeNull();
    expect(await rasterizeSvg(new Uint8Array())).toBeNull();
    const huge = Buffer.alloc(MAX_SVG_BYTES + 1, " ");
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">').copy(huge);
    expect(await rasterizeSvg(huge)).toBeNull();
  });
});
