import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { ACCESSIBLE_COLORS, DIMMED_TEXT } from './palettes';

const AA = 4.5;
const { gray, dark } = DEFAULT_THEME.colors;

describe('accessible palettes', () => {
  it.each(Object.entries(ACCESSIBLE_COLORS))('%s meets AA in every pair Mantine paints', (_name, p) => {
    for (const surface of ['#ffffff', gray[0], gray[1]]) expect(contrastRatio(p[8], surface)).toBeGreaterThanOrEqual(AA); // filled + white text, coloured text
    expect(contrastRatio(p[9], p[1])).toBeGreaterThanOrEqual(AA); // light badge
    expect(contrastRatio(p[9], '#ffffff')).toBeGreaterThanOrEqual(AA); // filled hover
    for (const surface of [dark[5], dark[6], dark[7], dark[8]]) expect(contrastRatio(p[4], surface)).toBeGreaterThanOrEqual(AA); // dark text
  });

  it('keeps the brand teal recognisable: only shades 4, 8 and 9 move', () => {
    const teal = ACCESSIBLE_COLORS.teal;
    expect([teal[0], teal[5], teal[6]]).toEqual([DEFAULT_THEME.colors.teal[0], DEFAULT_THEME.colors.teal[5], DEFAULT_THEME.colors.teal[6]]);
  });

  it('dims helper text no further than AA allows', () => {
    expect(contrastRatio(DIMMED_TEXT.light, '#ffffff')).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(DIMMED_TEXT.light, gray[1])).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(DIMMED_TEXT.dark, dark[7])).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(DIMMED_TEXT.dark, dark[5])).toBeGreaterThanOrEqual(AA);
  });
});
