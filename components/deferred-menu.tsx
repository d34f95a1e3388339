'use client';

/**
 * A header menu whose code (Mantine's Menu: floating-ui, the popover, its focus handling; ~20 KiB
 * gzipped, on every page) loads when the operator first opens it. Until then the trigger is the
 * same button with the same name, marked as opening a menu; the first click loads the menu, puts
 * focus on its (new) trigger and opens it, so Escape and a pick give focus back to the trigger as
 * before. Pointing at the button starts the download early.
 */
import { cloneElement, useEffect, useRef, useState, type ComponentType, type ReactElement } from 'react';
import type { LoadedMenuProps, MenuEntry } from './menu-parts';

export type { MenuEntry };

const loadMenu = () => import('./menu-parts').then((m) => m.LoadedMenu);

interface Props {
  /** The trigger button (e.g. an ActionIcon with an aria-label). */
  target: ReactElement<{ onClick?: () => void; onPointerEnter?: () => void; ref?: React.Ref<HTMLButtonElement> }>;
  entries: MenuEntry[];
  position?: LoadedMenuProps['position'];
}

export function DeferredMenu({ target, entries, position = 'bottom-end' }: Props) {
  const [Loaded, setLoaded] = useState<ComponentType<LoadedMenuProps> | null>(null);
  const [opened, setOpened] = useState(false);
  const [openOnLoad, setOpenOnLoad] = useState(false);
  const targetRef = useRef<HTMLButtonElement>(null);

  // the loaded menu mounted closed; now focus its trigger and open it (Mantine records the focus to return)
  useEffect(() => {
    if (!Loaded || !openOnLoad) return;
    setOpenOnLoad(false);
    targetRef.current?.focus();
    setOpened(true);
  }, [Loaded, openOnLoad]);

  if (!Loaded) {
    return cloneElement(target, {
      'aria-haspopup': 'menu',
      'aria-expanded': false,
      onPointerEnter: () => void loadMenu(),
      onClick: () => {
        void loadMenu().then((menu) => {
          setOpenOnLoad(true);
          setLoaded(() => menu);
        });
      },
    } as Partial<Props['target']['props']>);
  }
  return <Loaded opened={opened} onChange={setOpened} target={cloneElement(target, { ref: targetRef })} entries={entries} position={position} />;
}
