/**
 * Draws the app icons of the installable web app into public/icons/ (PNG, no
 * external tools): the mark of app/icon.svg, three white bars on brand blue.
 * "any" icons have rounded corners; "maskable" ones fill the square, their
 * mark well inside the safe zone; app/apple-icon.png is the iPhone's. Run: `npx tsx scripts/make-icons.ts`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import { encodePng } from "../tests/fixtures/png";

const BRAND = [0x15, 0x5b, 0xb0] as const;
/** The mark on a 64-unit grid, as in app/icon.svg: [x, y, width, height]. */
const BARS = [
  [16, 20, 32, 6],
  [16, 30, 24, 6],
  [16, 40, 32, 6],
] as const;
const SAMPLES = 4;

function inRoundedSquare(x: number, y: number, radius: number): boolean {
  const cx = Math.min(Math.max(x, radius), 64 - radius);
  const cy = Math.min(Math.max(y, radius), 64 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function draw(size: number, maskable: boolean): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      let white = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size) * 64;
          const y = ((py + (sy + 0.5) / SAMPLES) / size) * 64;
          if (!maskable && !inRoundedSquare(x, y, 12)) continue;
          cover++;
          if (BARS.some(([bx, by, bw, bh]) => x >= bx && x < bx + bw && y >= by && y < by + bh)) white++;
        }
      }
      const offset = (py * size + px) * 4;
      const share = cover ? white / cover : 0;
      for (let channel = 0; channel < 3; channel++) {
        pixels[offset + channel] = Math.round(BRAND[channel]! * (1 - share) + 255 * share);
      }
      pixels[offset + 3] = Math.round((cover / SAMPLES ** 2) * 255);
    }
  }
  return encodePng({ width: size, height: size, channels: 4, pixels });
}

const folder = path.join(process.cwd(), "public", "icons");
mkdirSync(folder, { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(path.join(folder, `icon-${size}.png`), draw(size, false));
  writeFileSync(path.join(folder, `maskable-${size}.png`), draw(size, true));
}
// iPhones read the home-screen icon from <link rel="apple-touch-icon">, which Next writes for app/apple-icon.png.
writeFileSync(path.join(process.cwd(), "app", "apple-icon.png"), draw(180, true));
console.log(`icons written to ${path.relative(process.cwd(), folder)}`);
