import { describe, expect, it } from 'vitest';
import { drawAppIcon } from './draw-icons';
import { encodeIcns, encodeIco } from './icon-containers';
import { encodePng, pngSize } from './png-encode';

const png = (size: number) => encodePng(drawAppIcon(size));

describe('encodeIco', () => {
  it('indexes each PNG with its size and offset (256 px stored as 0)', () => {
    const images = [png(16), png(256)];
    const ico = encodeIco(images);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(2);
    const entries = [0, 1].map((i) => ({
      w: ico[6 + i * 16],
      size: ico.readUInt32LE(6 + i * 16 + 8),
      offset: ico.readUInt32LE(6 + i * 16 + 12),
    }));
    expect(entries.map((e) => e.w)).toEqual([16, 0]);
    entries.forEach((e, i) =>
      expect(ico.subarray(e.offset, e.offset + e.size).equals(images[i] ?? Buffer.alloc(0))).toBe(
        true,
      ),
    );
  });

  it('refuses images larger than 256 px', () => {
    expect(() =>
      encodeIco([encodePng({ width: 300, height: 1, data: new Uint8Array(1200) })]),
    ).toThrow(/at most 256/);
  });
});

describe('encodeIcns', () => {
  it('writes a typed, length-prefixed PNG entry per known size', () => {
    const icns = encodeIcns(
      new Map([
        [32, png(32)],
        [64, png(64)],
      ]),
    );
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      types.push(icns.toString('ascii', offset, offset + 4));
      const size = pngSize(icns.subarray(offset + 8));
      expect(size?.width).toBe(types.at(-1) === 'ic11' ? 32 : 64);
    }
    expect(types).toEqual(['ic11', 'ic12']);
  });
});
