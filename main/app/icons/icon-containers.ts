import { pngSize } from './png-encode';

/** Windows .ico holding PNG images (Vista and later read PNG entries; 256 px is stored as 0). */
export function encodeIco(pngs: readonly Buffer[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * pngs.length;
  for (const png of pngs) {
    const size = pngSize(png);
    if (!size || size.width > 256 || size.height > 256)
      throw new Error('ico entries must be PNGs of at most 256 px');
    const entry = Buffer.alloc(16);
    entry[0] = size.width === 256 ? 0 : size.width;
    entry[1] = size.height === 256 ? 0 : size.height;
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs]);
}

/** The icns slot for a PNG of a given pixel size (the retina slots duplicate some sizes). */
export const ICNS_TYPES: ReadonlyArray<[type: string, pixels: number]> = [
  ['ic11', 32], // 16@2x
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512], // 256@2x
  ['ic10', 1024], // 512@2x
];

/** macOS .icns with PNG payloads (supported since 10.7), built from one PNG per pixel size. */
export function encodeIcns(pngBySize: ReadonlyMap<number, Buffer>): Buffer {
  const parts: Buffer[] = [];
  for (const [type, pixels] of ICNS_TYPES) {
    const png = pngBySize.get(pixels);
    if (!png) continue;
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    parts.push(head, png);
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([header, body]);
}
