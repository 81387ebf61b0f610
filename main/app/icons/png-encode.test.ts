import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng, pngSize } from './png-encode';

/** Reads the chunks back, checking every CRC, and returns the decoded pixel rows. */
function decode(png: Buffer): { width: number; height: number; pixels: Buffer } {
  let offset = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    expect(png.readUInt32BE(offset + 8 + length)).toBe(
      crc32(png.subarray(offset + 4, offset + 8 + length)),
    );
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
    }
    if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    rows.push(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)));
  }
  return { width, height, pixels: Buffer.concat(rows) };
}

describe('encodePng', () => {
  it('round-trips the pixels through a standard inflate', () => {
    const data = new Uint8Array(3 * 2 * 4).map((_, i) => (i * 37) % 256);
    const png = encodePng({ width: 3, height: 2, data });
    const back = decode(png);
    expect(back.width).toBe(3);
    expect(back.height).toBe(2);
    expect([...back.pixels]).toEqual([...data]);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
  });

  it('refuses a buffer of the wrong length', () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(3) })).toThrow(
      /expected 16 bytes/,
    );
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('does not take other bytes for a PNG', () => {
    expect(pngSize(Buffer.from('GIF89a-----------------------'))).toBeNull();
  });
});
