'use client';

/**
 * Dialogs and drawers whose code loads when they first open, not with the page: Mantine's Modal
 * and Drawer bring their overlay, focus trap, scroll lock and transitions (~15 KiB gzipped), which
 * most page loads never use (bench/pages.ts measures the first load). Once loaded the overlay stays
 * mounted, so closing still animates. It is first mounted closed and opened one render later, as a
 * Mantine overlay expects: it remembers the element focused when it opens and gives focus back to it
 * when it closes, and it only sees the opening as a change, not as its first state.
 */
import { useEffect, useState, type ComponentType } from 'react';
import type { DrawerProps, ModalProps } from '@mantine/core';

export interface LazyOverlay<P> {
  (props: P): React.ReactNode;
  /** Starts loading the code (e.g. before opening it programmatically); resolves once it is there. */
  load: () => Promise<unknown>;
}

/**
 * `load` resolves to the overlay component; `isOpen` tells from its props whether it is open and
 * `closed` gives the same props with the overlay closed.
 */
export function lazyOverlay<P extends object>(load: () => Promise<ComponentType<P>>, isOpen: (props: P) => boolean, closed: (props: P) => P): LazyOverlay<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => (loading ??= load());
  function Overlay(props: P) {
    const open = isOpen(props);
    const [Loaded, setLoaded] = useState<ComponentType<P> | null>(null);
    const [mountedClosed, setMountedClosed] = useState(false);
    useEffect(() => {
      if (!open || Loaded) return;
      let live = true;
      void loadOnce().then((component) => {
        if (live) setLoaded(() => component);
      });
      return () => {
        live = false;
      };
    }, [open, Loaded]);
    useEffect(() => {
      if (Loaded && !mountedClosed) setMountedClosed(true);
    }, [Loaded, mountedClosed]);
    if (!Loaded) return null;
    return <Loaded {...(mountedClosed ? props : closed(props))} />;
  }
  return Object.assign(Overlay, { load: loadOnce });
}

/** A component with an `opened` prop (a dialog of our own) whose code loads when it first opens. */
export function lazyDialog<P extends { opened: boolean }>(load: () => Promise<ComponentType<P>>): LazyOverlay<P> {
  return lazyOverlay(
    load,
    (p) => p.opened,
    (p) => ({ ...p, opened: false }),
  );
}

export const Modal = lazyDialog<ModalProps>(() => import('./overlay-parts').then((m) => m.Modal));
export const Drawer = lazyDialog<DrawerProps>(() => import('./overlay-parts').then((m) => m.Drawer));
