/**
 * The app's Mantine theme: the brand teal and every status colour at WCAG AA (palettes.ts), helper
 * text at AA in both schemes, and dialogs whose close button has a name.
 */
import { createTheme, type CSSVariablesResolver } from '@mantine/core';
import { ACCESSIBLE_COLORS, DIMMED_TEXT } from './palettes';

const namedCloseButton = { closeButtonProps: { 'aria-label': 'Close' } };

export const appTheme = createTheme({
  primaryColor: 'teal',
  primaryShade: { light: 8, dark: 8 },
  colors: ACCESSIBLE_COLORS,
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  components: {
    // plain objects, not Drawer.extend(): importing Drawer and Modal here put them on every page
    Drawer: { defaultProps: namedCloseButton },
    Modal: { defaultProps: namedCloseButton },
  },
});

export const appCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': DIMMED_TEXT.light },
  dark: { '--mantine-color-dimmed': DIMMED_TEXT.dark },
});
