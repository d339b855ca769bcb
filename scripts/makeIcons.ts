/**
 * Draws the add-in's icons (assets/icon-16.png ... icon-128.png) with nothing but node's zlib:
 * a teal rounded square holding a white pie cut into three shares, the add-in's one idea; and the
 * two the unified manifest's app package needs: assets/color.png (192 px, full colour) and
 * assets/outline.png (32 px, the pie in white on a transparent ground).
 * Run with `npx tsx scripts/makeIcons.ts`; the PNGs are committed, so the build never needs it.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

/** Icon sizes the manifest and the stores ask for. */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type Rgba = [number, number, number, number];

const TEAL: Rgba = [0, 105, 120, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const LIGHT: Rgba = [178, 223, 219, 255];
const AMBER: Rgba = [255, 193, 7, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Colour of the outline icon at a point: the pie's shares in white, everything else clear. */
function outlineAt(x: number, y: number): Rgba {
  const c = colourAt(x, y);
  return c === WHITE || c === LIGHT || c === AMBER ? WHITE : CLEAR;
}

/** Colour of the mark at a point of the unit square (0..1, y down). */
function colourAt(x: number, y: number): Rgba {
  // Rounded square: corner radius 0.2.
  const r = 0.2;
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  if (dx * dx + dy * dy > r * r) return CLEAR;
  const px = x - 0.5;
  const py = y - 0.5;
  const d = Math.hypot(px, py);
  if (d > 0.36) return TEAL;
  // Three shares of the pie, clockwise from twelve o'clock: 50% white, 30% light, 20% amber,
  // with a thin teal gap between them so the split reads even at 16 px.
  const turn = (Math.atan2(px, -py) / (2 * Math.PI) + 1) % 1;
  for (const edge of [0, 0.5, 0.8, 1]) {
    // Distance from the cut's radius line, so the gap has the same width all along it.
    if (Math.abs(turn - edge) < 0.25 && d * Math.sin(Math.abs(turn - edge) * 2 * Math.PI) < 0.018)
      return TEAL;
  }
  if (turn < 0.5) return WHITE;
  if (turn < 0.8) return LIGHT;
  return AMBER;
}

/** Renders one icon as PNG bytes, 4x4 supersampled so its edges are smooth. */
export function renderIcon(size: number, paint: (x: number, y: number) => Rgba = colourAt): Buffer {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = paint((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          // Premultiply so transparent samples do not darken the edge.
          acc[0] += c[0] * c[3];
          acc[1] += c[1] * c[3];
          acc[2] += c[2] * c[3];
          acc[3] += c[3];
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3];
      raw[o] = a ? Math.round(acc[0] / a) : 0;
      raw[o + 1] = a ? Math.round(acc[1] / a) : 0;
      raw[o + 2] = a ? Math.round(acc[2] / a) : 0;
      raw[o + 3] = Math.round(a / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  for (const size of ICON_SIZES) {
    const file = join(__dirname, "..", "assets", `icon-${size}.png`);
    writeFileSync(file, renderIcon(size));
    process.stdout.write(`${file}\n`);
  }
  for (const [name, png] of [
    ["color.png", renderIcon(192)],
    ["outline.png", renderIcon(32, outlineAt)],
  ] as const) {
    const file = join(__dirname, "..", "assets", name);
    writeFileSync(file, png);
    process.stdout.write(`${file}\n`);
  }
}
