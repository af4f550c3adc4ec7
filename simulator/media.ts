/**
 * Generated media files. A file is derived from its hash alone, so any hash
 * the API ever mentions can be served without remembering it: product images
 * are small palette PNGs, category icons SVGs, product documents one-page PDFs.
 * Sizes in the API's Media objects are the real byte sizes of these files.
 */
import { crc32, deflateSync } from "node:zlib";

export interface Media {
  sequence: number;
  type: string;
  primary: boolean;
  hash: string;
  mimetype: string;
  ext: string;
  size: number;
}

export type MediaExt = "png" | "svg" | "pdf";

const MIME: Record<MediaExt, string> = { png: "image/png", svg: "image/svg+xml", pdf: "application/pdf" };

export const MEDIA_FILE = /^([0-9a-f]{32})\.(png|svg|pdf)$/;

export function mimeType(ext: MediaExt): string {
  return MIME[ext];
}

function hashBytes(hash: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < hash.length; i += 2) bytes.push(parseInt(hash.slice(i, i + 2), 16));
  return bytes;
}

function byteAt(bytes: number[], index: number): number {
  return bytes[index % bytes.length] ?? 0;
}

/** A muted colour from three hash bytes (kept light enough to look like a product shot). */
function colour(bytes: number[], at: number, base: number, spread: number): [number, number, number] {
  return [0, 1, 2].map((k) => base + Math.floor((byteAt(bytes, at + k) / 255) * spread)) as [number, number, number];
}

const PNG_SIZE = 128;

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed) >>> 0);
  return Buffer.concat([length, typed, crc]);
}

/** 128x128, 2-bit palette: background, a product block, a disc and stripes, placed by the hash. */
function renderPng(hash: string): Buffer {
  const b = hashBytes(hash);
  const palette = Buffer.from([
    ...colour(b, 0, 225, 30),
    ...colour(b, 3, 70, 140),
    ...colour(b, 6, 40, 180),
    ...colour(b, 9, 150, 90),
  ]);
  const margin = 14 + (byteAt(b, 12) % 18);
  const cx = 40 + (byteAt(b, 13) % 48);
  const cy = 40 + (byteAt(b, 14) % 48);
  const radius = 14 + (byteAt(b, 15) % 20);
  const stripe = 3 + (byteAt(b, 1) % 4);
  const rowBytes = PNG_SIZE / 4;
  const raw = Buffer.alloc(PNG_SIZE * (rowBytes + 1));
  for (let y = 0; y < PNG_SIZE; y++) {
    const row = y * (rowBytes + 1);
    for (let x = 0; x < PNG_SIZE; x++) {
      const inBlock = x >= margin && x < PNG_SIZE - margin && y >= margin + 10 && y < PNG_SIZE - margin;
      const inDisc = (x - cx) ** 2 + (y - cy) ** 2 < radius ** 2;
      const striped = inBlock && ((x + y) >> stripe) % 2 === 0;
      const index = inDisc ? 2 : striped ? 3 : inBlock ? 1 : 0;
      const at = row + 1 + (x >> 2);
      raw[at] = (raw[at] ?? 0) | (index << (6 - 2 * (x & 3)));
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(PNG_SIZE, 0);
  header.writeUInt32BE(PNG_SIZE, 4);
  header.set([2, 3, 0, 0, 0], 8); // bit depth 2, colour type 3 (palette)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("PLTE", palette),
    // Stored (level 0) deflate keeps every PNG the same size, so sizes need no rendering.
    pngChunk("IDAT", deflateSync(raw, { level: 0 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

function hexColour([r, g, bl]: [number, number, number]): string {
  return `#${[r, g, bl].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

function renderSvg(hash: string): Buffer {
  const b = hashBytes(hash);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96">` +
    `<rect width="96" height="96" rx="12" fill="${hexColour(colour(b, 0, 40, 150))}"/>` +
    `<circle cx="${30 + (byteAt(b, 3) % 36)}" cy="${30 + (byteAt(b, 4) % 36)}" r="${12 + (byteAt(b, 5) % 14)}" fill="${hexColour(colour(b, 6, 170, 80))}"/>` +
    `<rect x="18" y="${58 + (byteAt(b, 9) % 12)}" width="60" height="10" rx="5" fill="#ffffff" fill-opacity="0.7"/>` +
    `</svg>`;
  return Buffer.from(svg, "utf8");
}

function renderPdf(hash: string): Buffer {
  const content = `BT /F1 16 Tf 72 770 Td (Product document ${hash}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

export function renderMedia(hash: string, ext: MediaExt): Buffer {
  switch (ext) {
    case "png":
      return renderPng(hash);
    case "svg":
      return renderSvg(hash);
    case "pdf":
      return renderPdf(hash);
  }
}

const fixedSizes = new Map<MediaExt, number>();

/** Byte size of the file: PNGs and PDFs have one size for every hash, SVGs are rendered to measure. */
function mediaSize(hash: string, ext: MediaExt): number {
  if (ext === "svg") return renderSvg(hash).length;
  let size = fixedSizes.get(ext);
  if (size === undefined) {
    size = renderMedia(hash, ext).length;
    fixedSizes.set(ext, size);
  }
  return size;
}

export function mediaItem(hash: string, ext: MediaExt, sequence: number): Media {
  return {
    sequence,
    type: ext === "pdf" ? "document" : "image",
    primary: sequence === 1,
    hash,
    mimetype: MIME[ext],
    ext,
    size: mediaSize(hash, ext),
  };
}
