/**
 * Mantine's palettes adjusted for WCAG AA (4.5:1 for text), pure data built once. With
 * `primaryShade` 8 in both schemes Mantine paints (see its get-css-color-variables):
 * - light scheme: filled buttons/badges shade 8 under white text, coloured text (`c="red"`,
 *   links) shade 8 on white or grey-0/1 surfaces, "light" badges shade 9 text on shade 1;
 * - dark scheme: filled shade 8 under white text, coloured text shade 4 on the dark surfaces.
 * Each shade is moved toward black (8, 9) or white (4) only as far as those pairs need; the rest
 * of each palette is Mantine's. Yellow and orange text therefore turns brownish in the light
 * scheme: that is what 4.5:1 on white takes.
 */
import { DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';
import { adjustToContrast, luminance } from './contrast';

/** A little above 4.5:1, so rounding in the browser never dips below the line. */
export const TEXT_RATIO = 4.6;

const WHITE = '#ffffff';
const LIGHT_SURFACES = [WHITE, DEFAULT_THEME.colors.gray[0], DEFAULT_THEME.colors.gray[1]];
const DARK_SURFACES = [DEFAULT_THEME.colors.dark[5], DEFAULT_THEME.colors.dark[6], DEFAULT_THEME.colors.dark[7], DEFAULT_THEME.colors.dark[8]];

export function accessiblePalette(base: MantineColorsTuple): MantineColorsTuple {
  const shade8 = adjustToContrast(base[8], LIGHT_SURFACES, TEXT_RATIO, 'darker');
  const darkest = luminance(base[9]) <= luminance(shade8) ? base[9] : shade8; // 9 never lighter than 8
  const shade9 = adjustToContrast(darkest, [...LIGHT_SURFACES, base[1]], TEXT_RATIO, 'darker');
  const shade4 = adjustToContrast(base[4], DARK_SURFACES, TEXT_RATIO, 'lighter');
  return [base[0], base[1], base[2], base[3], shade4, base[5], base[6], base[7], shade8, shade9];
}

const ADJUSTED = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;

export const ACCESSIBLE_COLORS = Object.fromEntries(ADJUSTED.map((name) => [name, accessiblePalette(DEFAULT_THEME.colors[name])])) as Record<
  (typeof ADJUSTED)[number],
  MantineColorsTuple
>;

/** Helper and secondary text (`c="dimmed"`), per scheme. */
export const DIMMED_TEXT = {
  light: adjustToContrast(DEFAULT_THEME.colors.gray[6], LIGHT_SURFACES, TEXT_RATIO, 'darker'),
  dark: adjustToContrast(DEFAULT_THEME.colors.dark[2], DARK_SURFACES, TEXT_RATIO, 'lighter'),
};
