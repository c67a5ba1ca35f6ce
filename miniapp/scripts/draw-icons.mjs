// Draws the tab bar icons and the elder-mode home tiles' icons as PNG files in src/assets/icons, from simple shapes,
// so they can be redrawn and reviewed as code: `node scripts/draw-icons.mjs`. No image library: shapes are sampled
// 4 × 4 per pixel (soft edges) and written with node's zlib. WeChat's tab icons must stay within 40 KB and should be
// 81 × 81 px; these are about 1 KB each.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'icons');

// ---- shapes, in a 0..1 square; each is a function (x, y) => inside ----
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, w) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
function box(x0, y0, x1, y1, r = 0) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}
function frame(x0, y0, x1, y1, r, w) {
  const outer = box(x0, y0, x1, y1, r);
  const inner = box(x0 + w, y0 + w, x1 - w, y1 - w, Math.max(r - w, 0));
  return (x, y) => outer(x, y) && !inner(x, y);
}
function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}
function stroke(x0, y0, x1, y1, w) {
  return (x, y) => {
    const vx = x1 - x0;
    const vy = y1 - y0;
    const t = Math.max(0, Math.min(1, ((x - x0) * vx + (y - y0) * vy) / (vx * vx + vy * vy)));
    return Math.hypot(x - (x0 + t * vx), y - (y0 + t * vy)) <= w / 2;
  };
}
const halfBelow = (shape, cy) => (x, y) => y >= cy && shape(x, y);
/** Union of `add`, minus `cut`. */
const icon =
  (add, cut = []) =>
  (x, y) =>
    add.some((s) => s(x, y)) && !cut.some((s) => s(x, y));

// ---- the icons ----
const W = 0.08; // line width
const ICONS = {
  // 首页: a house with a door.
  home: icon(
    [
      polygon([
        [0.5, 0.1],
        [0.92, 0.48],
        [0.08, 0.48],
      ]),
      box(0.2, 0.44, 0.8, 0.9, 0.04),
    ],
    [box(0.42, 0.62, 0.58, 0.9, 0.02)],
  ),
  // 服务: four tiles.
  services: icon([box(0.12, 0.12, 0.46, 0.46, 0.07), box(0.54, 0.12, 0.88, 0.46, 0.07), box(0.12, 0.54, 0.46, 0.88, 0.07), box(0.54, 0.54, 0.88, 0.88, 0.07)]),
  // 订单 / 我的预约: a sheet with lines.
  orders: icon([frame(0.18, 0.1, 0.82, 0.92, 0.08, W), stroke(0.32, 0.34, 0.68, 0.34, W), stroke(0.32, 0.52, 0.68, 0.52, W), stroke(0.32, 0.7, 0.55, 0.7, W)]),
  // 我的: a head and shoulders.
  me: icon([circle(0.5, 0.32, 0.19), halfBelow(box(0.14, 0.58, 0.86, 1.3, 0.36), 0.58)], [box(0, 0.92, 1, 1)]),
  // 预约服务: a calendar page.
  calendar: icon([
    frame(0.1, 0.18, 0.9, 0.9, 0.08, W),
    box(0.1, 0.18, 0.9, 0.38, 0.08),
    stroke(0.32, 0.08, 0.32, 0.26, W),
    stroke(0.68, 0.08, 0.68, 0.26, W),
    box(0.26, 0.5, 0.4, 0.62, 0.02),
    box(0.6, 0.5, 0.74, 0.62, 0.02),
    box(0.26, 0.7, 0.4, 0.82, 0.02),
  ]),
  // 老年助餐: a steaming bowl.
  meal: icon([
    halfBelow(circle(0.5, 0.5, 0.4), 0.5),
    box(0.06, 0.46, 0.94, 0.54, 0.04),
    stroke(0.36, 0.12, 0.36, 0.34, W),
    stroke(0.5, 0.08, 0.5, 0.34, W),
    stroke(0.64, 0.12, 0.64, 0.34, W),
    box(0.34, 0.86, 0.66, 0.94, 0.03),
  ]),
  // 便民网点: a map pin.
  outlets: icon(
    [
      circle(0.5, 0.38, 0.3),
      polygon([
        [0.24, 0.52],
        [0.76, 0.52],
        [0.5, 0.95],
      ]),
    ],
    [circle(0.5, 0.38, 0.12)],
  ),
};

// ---- raster and PNG ----
function rasterise(shape, size, [r, g, b]) {
  const SS = 4;
  const rows = [];
  for (let py = 0; py < size; py += 1) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < SS; sy += 1) {
        for (let sx = 0; sx < SS; sx += 1) if (shape((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size)) hits += 1;
      }
      row.set([r, g, b, Math.round((255 * hits) / (SS * SS))], 1 + px * 4);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function hex(colour) {
  return [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16));
}

// Tab bar: the tab bar's text colours in app.config.ts (#4a4a4a, and #0b6e4f when selected), 81 × 81 px.
const TAB_ICONS = { home: 'home', services: 'services', orders: 'orders', me: 'me' };
// Elder home tiles: white on the tile's colour, 96 × 96 px (48 CSS px on a phone).
const TILE_ICONS = ['calendar', 'meal', 'outlets', 'orders', 'me'];

mkdirSync(OUT, { recursive: true });
const written = [];
function write(name, buffer) {
  writeFileSync(join(OUT, name), buffer);
  written.push(`${name} ${buffer.length} B`);
}
for (const [tab, shape] of Object.entries(TAB_ICONS)) {
  write(`tab-${tab}.png`, png(81, rasterise(ICONS[shape], 81, hex('#4a4a4a'))));
  write(`tab-${tab}-selected.png`, png(81, rasterise(ICONS[shape], 81, hex('#0b6e4f'))));
}
for (const shape of TILE_ICONS) write(`tile-${shape}.png`, png(96, rasterise(ICONS[shape], 96, hex('#ffffff'))));
console.log(written.join('\n'));
