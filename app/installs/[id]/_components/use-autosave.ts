'use client';

/**
 * Draft autosave: `schedule()` debounces (~800 ms) while the operator types, `saveNow()` saves at
 * once (step change, download, leaving). One PUT is in flight at a time; changes made meanwhile are
 * saved right after. A payload equal to the last saved one is not sent again.
 * Invariant: the status is "saved" only when the server has answered for the latest edit; an edit
 * waiting for the debounce is "pending", one on the wire "saving". `hasUnsaved()` is true until then
 * (and after a failure), which is what the leave guard (use-save-before-leaving.ts) asks.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, type ApiRefusedRun } from '@/components/api';
import type { InstallConfig } from '@/lib/config/schema';
import { loadValidation, loadedValidation } from './validation-loader';
import type { InstallView } from '@/lib/api/installs';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string; run?: ApiRefusedRun };

export interface Payload {
  config: InstallConfig;
  step: string;
}

/** The server's judgement of a saved draft (its status and rule issues, as PUT /api/installs/:id answers). */
export interface ServerCheck extends Pick<InstallView, 'status' | 'errors' | 'warnings'> {
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
    // the shape check's code (loaded on the first interaction; here at the latest); from here to
    // `inFlight.current = run` nothing awaits, so two calls never send two PUTs at once
    const { installConfigShape } = loadedValidation() ?? (await loadValidation());
    if (inFlight.current) {
      again.current = true;
      await inFlight.current;
      return saveNow();
    }
    const payload = getPayload();
    const json = JSON.stringify(payload);
    if (json === lastSaved.current) {
      setStatus((s) => (s.kind === 'error' || s.kind === 'pending' ? { kind: 'saved', at: Date.now() } : s));
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
      const r = await api('PUT /api/installs/:id', { params: { id: installId }, body: { ...payload, draft: true } });
      if (r.ok) {
        lastSaved.current = json;
        setServerCheck({ configJson: JSON.stringify(payload.config), errors: r.data.errors, warnings: r.data.warnings, status: r.data.status });
        // an edit made while this PUT was on the wire is not stored yet: it is saved right after
        setStatus(JSON.stringify(getPayload()) === json ? { kind: 'saved', at: Date.now() } : { kind: 'pending' });
        return true;
      }
      const detail = r.errors.length > 0 ? r.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : r.message;
      // a 409 that names a run (a day-2 operation is running on the install) links to it
      setStatus({ kind: 'error', message: r.status === 401 ? 'your session has ended: log in again' : detail, ...(r.run ? { run: r.run } : {}) });
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
    setStatus({ kind: 'pending' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void saveNow();
    }, DEBOUNCE_MS);
  }, [saveNow]);

  const hasUnsaved = useCallback(() => timer.current !== null || inFlight.current !== null || JSON.stringify(getPayload()) !== lastSaved.current, [getPayload]);

  /** Sends the latest edit with keepalive, for when the page is going away; no status: nobody sees it. */
  const saveOnUnload = useCallback(() => {
    const payload = getPayload();
    if (JSON.stringify(payload) === lastSaved.current) return;
    // the shape check needs the rules' code; there is no time to load it now (the server checks anyway)
    if (loadedValidation()?.installConfigShape.safeParse(payload.config).success === false) return;
    void api('PUT /api/installs/:id', { params: { id: installId }, body: { ...payload, draft: true }, keepalive: true });
  }, [getPayload, installId]);

  // a hidden page may never come back (tab closed on mobile): save then; leaving the wizard saves too
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden' && hasUnsaved()) void saveNow();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      if (timer.current) void saveNow(); // unmounted with the debounce still waiting (e.g. browser Back)
    };
  }, [hasUnsaved, saveNow]);

  return { status, serverCheck, saveNow, schedule, hasUnsaved, saveOnUnload };
}
