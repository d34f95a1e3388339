'use client';

/**
 * Keeps the wizard's draft from being lost by leaving. An in-app link clicked while an edit is not yet
 * stored waits for the save, then navigates (a failed save asks before leaving); closing or reloading
 * the tab in that state asks first (the browser's own prompt) and sends the save with `keepalive`, so
 * it survives the page going away.
 */
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';

export interface LeaveGuard {
  /** True while the latest edit has not been stored by the server (waiting, in flight, or failed). */
  hasUnsaved: () => boolean;
  /** Saves the latest edit; resolves true once the server has stored it. */
  saveNow: () => Promise<boolean>;
  /** Fire-and-forget save that outlives the page (fetch keepalive). */
  saveOnUnload: () => void;
}

const LEAVE_ANYWAY = 'Your last change could not be saved. Leave this page and lose it?';

/** The same-origin page a plain left click on this anchor would open, or null for anything else. */
function inAppTarget(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null; // same page, e.g. #anchor
  return `${url.pathname}${url.search}${url.hash}`;
}

export function useSaveBeforeLeaving({ hasUnsaved, saveNow, saveOnUnload }: LeaveGuard) {
  const router = useRouter();
  useEffect(() => {
    // capture phase on window: runs before Next's <Link> handler, which would navigate at once
    const onClick = (event: MouseEvent) => {
      const target = inAppTarget(event);
      if (!target || !hasUnsaved()) return;
      event.preventDefault();
      event.stopPropagation();
      void saveNow().then((ok) => {
        if (ok || window.confirm(LEAVE_ANYWAY)) router.push(target);
      });
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!hasUnsaved()) return;
      saveOnUnload();
      event.preventDefault();
      event.returnValue = ''; // older Chromium shows the prompt only with this set
    };
    window.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [hasUnsaved, saveNow, saveOnUnload, router]);
}
