'use client';

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { AppFrame } from './app-frame';
import { appCssVariables, appTheme } from './theme/theme';

/**
 * Everything around a page: the theme (light or dark as the system says, until the operator picks
 * one in the header; Mantine keeps the choice in localStorage), notifications and the page chrome.
 */
export function Providers({ children }: { children: React.ReactNode }) {
  return (
    <MantineProvider theme={appTheme} cssVariablesResolver={appCssVariables} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <AppFrame>{children}</AppFrame>
    </MantineProvider>
  );
}
