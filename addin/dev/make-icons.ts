/**
 * Draws the add-in's ribbon and store icons (16, 32, 64, 80 px PNG) into addin/assets/: a blue rounded
 * square with three white bars (a ranking). A minimal PNG encoder on node:zlib; run with `npx tsx addin/dev/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (width × height × 4 bytes) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.subarray(y * width * 4, (y + 1) * width * 4)).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The icon at `size` px: rounded blue square, three white bars of rising height. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const radius = size / 6;
  const inside = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const margin = size / 5;
  const barWidth = (size - 2 * margin) / 4;
  const bars = [0.35, 0.6, 0.85].map((h, i) => ({ x0: margin + i * barWidth * 1.5, top: size - margin - h * (size - 2 * margin) }));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      if (!inside(x + 0.5, y + 0.5)) continue;
      const white = bars.some((b) => x + 0.5 >= b.x0 && x + 0.5 < b.x0 + barWidth && y + 0.5 >= b.top && y + 0.5 < size - margin);
      const [r, g, b] = white ? [255, 255, 255] : [0x0f, 0x6c, 0xbd];
      px.set([r, g, b, 255], i);
    }
  }
  return px;
}

if (require.main === module) {
  for (const size of [16, 32, 64, 80]) {
    writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), encodePng(size, size, drawIcon(size)));
  }
}
