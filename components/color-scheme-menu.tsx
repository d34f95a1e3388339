'use client';

import { ActionIcon, useComputedColorScheme, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { DeferredMenu } from './deferred-menu';

const CHOICES: { value: MantineColorScheme; label: string }[] = [
  { value: 'auto', label: 'As the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** The header's theme switch: follow the system (the default), or always light or dark; ✓ marks the current choice. */
export function ColorSchemeMenu() {
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const shown = useComputedColorScheme('light', { getInitialValueInEffect: true });
  return (
    <DeferredMenu
      target={
        <ActionIcon variant="subtle" color="gray" size="lg" aria-label="Theme">
          <span aria-hidden="true" style={{ fontSize: 18, lineHeight: 1 }}>
            {shown === 'dark' ? '☾' : '☀'}
          </span>
        </ActionIcon>
      }
      entries={[
        { label: 'Theme', heading: true },
        ...CHOICES.map((c) => ({
          label: c.label,
          onClick: () => setColorScheme(c.value),
          leftSection: (
            <span aria-hidden="true" style={{ width: 12 }}>
              {colorScheme === c.value ? '✓' : ''}
            </span>
          ),
        })),
      ]}
    />
  );
}
