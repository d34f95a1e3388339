'use client';

// Loaded by deferred-menu.tsx when a header menu is first opened.
import type { ReactElement, ReactNode } from 'react';
import { Menu, type MenuProps } from '@mantine/core';

export type MenuEntry = { label: string } & ({ heading: true } | { heading?: false; onClick: () => void; leftSection?: ReactNode });

export interface LoadedMenuProps {
  opened: boolean;
  onChange: (opened: boolean) => void;
  target: ReactElement;
  entries: MenuEntry[];
  position: MenuProps['position'];
}

export function LoadedMenu({ opened, onChange, target, entries, position }: LoadedMenuProps) {
  return (
    <Menu opened={opened} onChange={onChange} position={position} withinPortal>
      <Menu.Target>{target}</Menu.Target>
      <Menu.Dropdown>
        {entries.map((e) =>
          e.heading ? (
            <Menu.Label key={e.label}>{e.label}</Menu.Label>
          ) : (
            <Menu.Item key={e.label} onClick={e.onClick} leftSection={e.leftSection}>
              {e.label}
            </Menu.Item>
          ),
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
