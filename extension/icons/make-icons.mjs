// Draws NoTrain's toolbar icons (a white "no" sign on a blue rounded square) as PNG files.
// Run once after changing the design: node extension/icons/make-icons.mjs
import { deflateSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BLUE = [26, 95, 180];
const WHITE = [255, 255, 255];

// Coverage of one point of the design, in a unit square.
function paint(x, y) {
  const r = 0.2; // corner radius of the background
  const dx = Math.max(0, Math.abs(x - 0.5) - (0.5 - r));
  const dy = Math.max(0, Math.abs(y - 0.5) - (0.5 - r));
  if (dx * dx + dy * dy > r * r) return null; // outside the rounded square
  const d = Math.hypot(x - 0.5, y - 0.5);
  const ring = d > 0.25 && d < 0.36;
  // Diagonal bar from top left to bottom right, inside the ring.
  const bar = d <= 0.3 && Math.abs(x - 0.5 - (y - 0.5)) / Math.SQRT2 < 0.055;
  return ring || bar ? WHITE : BLUE;
}

function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  }
  return ~crc >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const SAMPLES = 4; // supersampling for smooth edges
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = [0];
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const color = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          if (!color) continue;
          sum[0] += color[0];
          sum[1] += color[1];
          sum[2] += color[2];
          sum[3] += 1;
        }
      }
      const alpha = sum[3] / (SAMPLES * SAMPLES);
      row.push(...(sum[3] ? sum.slice(0, 3).map((v) => Math.round(v / sum[3])) : [0, 0, 0]), Math.round(alpha * 255));
    }
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6; // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of [16, 32, 48, 128]) writeFileSync(path.join(HERE, `icon-${size}.png`), png(size));
