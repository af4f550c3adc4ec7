import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { encodePng } from "../tests/fixtures/png";
import { renderEan13 } from "../lib/scan/ean13";

/**
 * A video for Chromium's fake camera (`--use-file-for-fake-video-capture`):
 * an EAN-13 on white, as Y4M (4:2:0, grey), with a PNG of the same picture
 * beside it for a person to look at. Made without external tools.
 */
export function writeBarcodeVideo(code: string, folder: string): { video: string; image: string } {
  const width = 640;
  const height = 480;
  const frame = renderEan13(code, { width, height, moduleWidth: 4, barHeight: 260 });
  mkdirSync(folder, { recursive: true });
  const image = path.resolve(folder, `ean13-${code}.png`);
  writeFileSync(image, encodePng({ width, height, channels: 1, pixels: frame.pixels }));

  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frameHeader = Buffer.from("FRAME\n", "ascii");
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`, "ascii")];
  for (let index = 0; index < 10; index++) parts.push(frameHeader, Buffer.from(frame.pixels), chroma);
  const video = path.resolve(folder, `ean13-${code}.y4m`);
  writeFileSync(video, Buffer.concat(parts));
  return { video, image };
}
