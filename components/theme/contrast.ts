/**
 * WCAG 2.x colour contrast, pure: relative luminance of an sRGB hex colour, the contrast ratio of
 * two colours, and mixing a colour toward black or white until it reaches a ratio against a
 * background. The theme builds its palettes with these, so the ratios hold by construction.
 */

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance (0 black … 1 white). */
export function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio, 1 … 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `hex` mixed toward `toward` (0: unchanged, 1: `toward`). */
export function mix(hex: string, toward: string, amount: number): string {
  const a = parseHex(hex);
  const b = parseHex(toward);
  return toHex([0, 1, 2].map((i) => a[i as 0] + (b[i as 0] - a[i as 0]) * amount) as Rgb);
}

/**
 * The least change of `hex` toward black (`direction: 'darker'`) or white that reaches `ratio`
 * against every colour of `against` (in 1 % steps); `hex` itself when it already does.
 */
export function adjustToContrast(hex: string, against: readonly string[], ratio: number, direction: 'darker' | 'lighter'): string {
  const target = direction === 'darker' ? '#000000' : '#ffffff';
  for (let step = 0; step <= 100; step += 1) {
    const candidate = mix(hex, target, step / 100);
    if (against.every((bg) => contrastRatio(candidate, bg) >= ratio)) return candidate;
  }
  return target;
}
