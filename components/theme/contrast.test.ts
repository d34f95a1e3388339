import { describe, expect, it } from 'vitest';
import { adjustToContrast, contrastRatio, luminance, mix } from './contrast';

describe('contrast', () => {
  it('matches the WCAG reference values', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#000000')).toBeCloseTo(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
    // the figures: Mantine's teal.6 and gray.6 on white, white on red.6
    expect(contrastRatio('#12b886', '#ffffff')).toBeCloseTo(2.55, 2);
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#ffffff', '#fa5252')).toBeCloseTo(3.28, 2);
  });

  it('mixes toward a colour', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix('#12b886', '#000000', 0)).toBe('#12b886');
  });

  it('darkens or lightens just enough to reach the ratio against every background', () => {
    const teal = adjustToContrast('#12b886', ['#ffffff', '#f8f9fa'], 4.5, 'darker');
    expect(contrastRatio(teal, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(teal, '#f8f9fa')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(mix('#12b886', '#000000', 0.0), '#f8f9fa')).toBeLessThan(4.5);
    const grey = adjustToContrast('#828282', ['#242424'], 4.5, 'lighter');
    expect(contrastRatio(grey, '#242424')).toBeGreaterThanOrEqual(4.5);
    expect(adjustToContrast('#000000', ['#ffffff'], 4.5, 'darker')).toBe('#000000');
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => luminance('teal')).toThrow('not a #rrggbb colour: teal');
  });
});
