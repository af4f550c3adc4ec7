import "server-only";

import sharp from "sharp";

/** The longest side of a rasterised drawing, in pixels; next/image scales it down from there. */
export const RASTER_SIZE = 512;
/** Drawings larger than this are not rasterised (a category icon is a few kB). */
export const MAX_SVG_BYTES = 1024 * 1024;

/**
 * Turns an SVG drawing of the wholesaler into a PNG. A browser gives every SVG in an <img> a document
 * of its own, which costs a phone tens of milliseconds per icon; a bitmap costs a decode. Rasterising
 * also means no markup of the upstream reaches the browser. Returns null for a file that is too large
 * or is not a drawing sharp can read.
 */
export async function rasterizeSvg(svg: Uint8Array): Promise<Uint8Array | null> {
  if (svg.byteLength === 0 || svg.byteLength > MAX_SVG_BYTES) return null;
  try {
    const { width, height } = await sharp(svg).metadata();
    if (!width || !height) return null;
    // SVGs are read at 72 dpi; raise the density so the longest side comes out at RASTER_SIZE, sharp at any scale.
    const density = Math.min(2400, Math.max(1, (72 * RASTER_SIZE) / Math.max(width, height)));
    return await sharp(svg, { density, limitInputPixels: RASTER_SIZE * RASTER_SIZE * 4 })
      .resize(RASTER_SIZE, RASTER_SIZE, { fit: "inside" })
      .png({ palette: true })
      .toBuffer();
  } catch {
    return null;
  }
}
