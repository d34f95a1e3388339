'use client';

/**
 * The hosts of the other installs (GET /api/installs/:id/host-conflicts), for the cross-install
 * check the wizard runs on every change (lib/config/cross-install-hosts.ts). Fetched on open and
 * again after each saved draft (`savedToken` changes), so installs edited or installed meanwhile
 * are seen too. A failed fetch keeps the last list: the check is advice, never a gate.
 */
import { useEffect, useState } from 'react';
import { api } from '@/components/api';
import type { KnownInstallHost } from '@/lib/config/cross-install-hosts';

export function useKnownHosts(installId: string, savedToken: unknown): KnownInstallHost[] {
  const [known, setKnown] = useState<KnownInstallHost[]>([]);
  useEffect(() => {
    let alive = true;
    void api('GET /api/installs/:id/host-conflicts', { params: { id: installId } }).then((r) => {
      if (alive && r.ok) setKnown(r.data.knownHosts);
    });
    return () => {
      alive = false;
    };
  }, [installId, savedToken]);
  return known;
}
