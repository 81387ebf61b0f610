import type { TrayIconState } from '../tray/tray-icon';
import type { RgbaImage } from './png-encode';

/** A region of the unit square ([0,1] x [0,1], y down). */
type Region = (x: number, y: number) => boolean;
type Rgb = readonly [number, number, number];
interface Layer {
  region: Region;
  colour: Rgb | ((x: number, y: number) => Rgb);
}

const disc =
  (cx: number, cy: number, r: number): Region =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const rect =
  (x0: number, y0: number, x1: number, y1: number): Region =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union =
  (...regions: Region[]): Region =>
  (x, y) =>
    regions.some((r) => r(x, y));
const minus =
  (a: Region, b: Region): Region =>
  (x, y) =>
    a(x, y) && !b(x, y);

/** A segment with round ends: the sun's rays. */
function capsule(ax: number, ay: number, bx: number, by: number, halfWidth: number): Region {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= halfWidth * halfWidth;
  };
}

function roundedSquare(inset: number, radius: number): Region {
  const lo = inset + radius;
  const hi = 1 - inset - radius;
  return (x, y) => {
    const qx = Math.max(lo - x, 0, x - hi);
    const qy = Math.max(lo - y, 0, y - hi);
    return qx * qx + qy * qy <= radius * radius;
  };
}

const sun: Region = union(
  disc(0.5, 0.5, 0.19),
  ...Array.from({ length: 8 }, (_, i) => {
    const a = (i * Math.PI) / 4;
    return capsule(
      0.5 + 0.3 * Math.cos(a),
      0.5 + 0.3 * Math.sin(a),
      0.5 + 0.43 * Math.cos(a),
      0.5 + 0.43 * Math.sin(a),
      0.05,
    );
  }),
);
const moon: Region = minus(disc(0.47, 0.53, 0.4), disc(0.7, 0.35, 0.33));
/** Three quarters of a ring and a dot: "something is in progress". */
const working: Region = union(
  (x, y) => {
    const d2 = (x - 0.5) ** 2 + (y - 0.5) ** 2;
    const inTopRight = x > 0.5 && y < 0.5;
    return d2 <= 0.42 ** 2 && d2 >= 0.27 ** 2 && !inTopRight;
  },
  disc(0.5, 0.5, 0.1),
);
const exclamation: Region = union(rect(0.42, 0.17, 0.58, 0.6), disc(0.5, 0.77, 0.085));
const badge: Region = disc(0.5, 0.5, 0.47);

const GLYPHS: Record<TrayIconState, Region> = { awake: sun, asleep: moon, working, error: badge };

/** ui.md colours, darker for a light taskbar and lighter for a dark one. */
const COLOURS: Record<TrayIconState, { onLight: Rgb; onDark: Rgb }> = {
  awake: { onLight: [0x15, 0x80, 0x3d], onDark: [0x4a, 0xde, 0x80] },
  asleep: { onLight: [0x43, 0x38, 0xca], onDark: [0xa5, 0xb4, 0xfc] },
  working: { onLight: [0x1d, 0x4e, 0xd8], onDark: [0x93, 0xc5, 0xfd] },
  error: { onLight: [0xdc, 0x26, 0x26], onDark: [0xf8, 0x71, 0x71] },
};
const WHITE: Rgb = [0xff, 0xff, 0xff];
const BLACK: Rgb = [0, 0, 0];

/** Rasterises layers with n x n samples a pixel (anti-aliased edges), composited "over". */
function rasterize(size: number, layers: readonly Layer[], samples: number): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (
              layer.region((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
            )
              hits++;
          }
        }
        const cover = hits / (samples * samples);
        if (cover === 0) continue;
        const c =
          typeof layer.colour === 'function'
            ? layer.colour((px + 0.5) / size, (py + 0.5) / size)
            : layer.colour;
        const outA = cover + a * (1 - cover);
        r = (c[0] * cover + r * a * (1 - cover)) / outA;
        g = (c[1] * cover + g * a * (1 - cover)) / outA;
        b = (c[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      const i = (py * size + px) * 4;
      data[i] = Math.round(r);
      data[i + 1] = Math.round(g);
      data[i + 2] = Math.round(b);
      data[i + 3] = Math.round(a * 255);
    }
  }
  return { width: size, height: size, data };
}

export type TrayVariant = 'template' | 'on-light' | 'on-dark';

/** One tray icon: black + alpha for macOS templates, ui.md colours otherwise. */
export function drawTrayIcon(state: TrayIconState, variant: TrayVariant, size: number): RgbaImage {
  const glyph = GLYPHS[state];
  if (variant === 'template') {
    // Templates carry only alpha, so the error mark is a hole in the badge.
    return rasterize(
      size,
      [{ region: state === 'error' ? minus(glyph, exclamation) : glyph, colour: BLACK }],
      4,
    );
  }
  const colour = variant === 'on-dark' ? COLOURS[state].onDark : COLOURS[state].onLight;
  const layers: Layer[] = [{ region: glyph, colour }];
  if (state === 'error') layers.push({ region: exclamation, colour: WHITE });
  return rasterize(size, layers, 4);
}

/** The application icon: a pale crescent and two stars on a deep indigo rounded square. */
export function drawAppIcon(size: number): RgbaImage {
  const top: Rgb = [0x43, 0x38, 0xca];
  const bottom: Rgb = [0x1e, 0x1b, 0x4b];
  const mix = (i: 0 | 1 | 2, y: number): number => top[i] + (bottom[i] - top[i]) * y;
  const gradient = (_x: number, y: number): Rgb => [mix(0, y), mix(1, y), mix(2, y)];
  const crescent = minus(disc(0.47, 0.53, 0.27), disc(0.62, 0.41, 0.23));
  const stars = union(disc(0.66, 0.36, 0.028), disc(0.77, 0.47, 0.02), disc(0.77, 0.27, 0.016));
  return rasterize(
    size,
    [
      { region: roundedSquare(0.09, 0.18), colour: gradient },
      { region: crescent, colour: [0xe0, 0xe7, 0xff] },
      { region: stars, colour: [0xc7, 0xd2, 0xfe] },
    ],
    size >= 512 ? 2 : 4,
  );
}
