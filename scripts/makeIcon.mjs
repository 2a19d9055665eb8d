// Draws StateLab's app icon (assets/icon.png, 512x512): three connected nodes on a rounded square.
// electron-builder derives the Windows .ico and the macOS .icns from it. Run: node scripts/makeIcon.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const BACKGROUND = [31, 58, 95];
const LINE = [232, 238, 247];
const HUB = [245, 185, 66];

/** Coverage (0..1) of a pixel by a shape, from its signed distance (negative inside). */
const cover = (distance) => Math.min(1, Math.max(0, 0.5 - distance));
const roundedSquare = (x, y, inset, radius) => {
  const half = SIZE / 2 - inset;
  const qx = Math.abs(x - SIZE / 2) - (half - radius);
  const qy = Math.abs(y - SIZE / 2) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) - width / 2;
};

const hub = [150, 256];
const top = [370, 150];
const bottom = [370, 362];
const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  pixels[row] = 0; // PNG filter: none
  for (let x = 0; x < SIZE; x++) {
    const px = x + 0.5;
    const py = y + 0.5;
    let rgb = BACKGROUND;
    const alpha = cover(roundedSquare(px, py, 16, 96));
    const blend = (color, amount) => (rgb = rgb.map((c, i) => c + (color[i] - c) * amount));
    blend(LINE, cover(Math.min(segment(px, py, hub, top, 18), segment(px, py, hub, bottom, 18), segment(px, py, top, bottom, 18))));
    blend(LINE, cover(Math.min(circle(px, py, ...top, 50), circle(px, py, ...bottom, 50))));
    blend(HUB, cover(circle(px, py, ...hub, 62)));
    const at = row + 1 + x * 4;
    pixels[at] = Math.round(rgb[0]);
    pixels[at + 1] = Math.round(rgb[1]);
    pixels[at + 2] = Math.round(rgb[2]);
    pixels[at + 3] = Math.round(alpha * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);

const target = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'icon.png');
writeFileSync(target, png);
console.log(`wrote ${target} (${png.length} bytes)`);
