'use client';

/**
 * Draft autosave: `schedule()` debounces (~800 ms) while the operator types, `saveNow()` saves at
 * once (step change, download). One PUT is in flight at a time; changes made meanwhile are saved
 * right after. A payload equal to the last saved one is not sent again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '@/components/api';
import { installConfigShape, type InstallConfig } from '@/lib/config/schema';
import type { SaveResult } from './types';

export type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: number } | { kind: 'error'; message: string };

export interface Payload {
  config: InstallConfig;
  step: string;
}

export interface ServerCheck extends SaveResult {
  /** JSON of the config these issues were computed for. */
  configJson: string;
}

const DEBOUNCE_MS = 800;

export function useAutosave(installId: string, getPayload: () => Payload, initial: Payload) {
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [serverCheck, setServerCheck] = useState<ServerCheck | null>(null);
  const lastSaved = useRef<string>(JSON.stringify(initial));
  const inFlight = useRef<Promise<boolean> | null>(null);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) {
      again.current = true;
      await inFlight.current;
      return saveNow();
    }
    const payload = getPayload();
    const json = JSON.stringify(payload);
    if (json === lastSaved.current) {
      setStatus((s) => (s.kind === 'error' ? { kind: 'saved', at: Date.now() } : s));
      return true;
    }
    const shape = installConfigShape.safeParse(payload.config);
    if (!shape.success) {
      // e.g. an emptied number field: the server would refuse it (422); say which field instead
      const first = shape.error.issues[0];
      setStatus({ kind: 'error', message: `not saved until ${first ? first.path.join('.') : 'a field'} has a valid value` });
      return false;
    }
    const run = (async () => {
      setStatus({ kind: 'saving' });
      const r = await api<SaveResult>('PUT', `/api/installs/${encodeURIComponent(installId)}`, { ...payload, draft: true });
      if (r.ok) {
        lastSaved.current = json;
        setServerCheck({ configJson: JSON.stringify(payload.config), errors: r.data.errors, warnings: r.data.warnings, status: r.data.status });
        setStatus({ kind: 'saved', at: Date.now() });
        return true;
      }
      const detail = r.errors.length > 0 ? r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : r.message;
      setStatus({ kind: 'error', message: r.status === 401 ? 'your session has ended: log in again' : detail });
      return false;
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    if (again.current) {
      again.current = false;
      return saveNow();
    }
    return ok;
  }, [getPayload, installId]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void saveNow();
    }, DEBOUNCE_MS);
  }, [saveNow]);

  // warn before leaving with unsaved edits; flush a pending debounce when the page is hidden
  useEffect(() => {
    const unsaved = () => JSON.stringify(getPayload()) !== lastSaved.current;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (unsaved()) {
        void saveNow();
        e.preventDefault();
      }
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden' && unsaved()) void saveNow();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onHide);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [getPayload, saveNow]);

  return { status, serverCheck, saveNow, schedule };
}
