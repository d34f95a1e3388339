/**
 * Test helper: records the lab hosts' real host keys (from the lab's known_hosts, written from the
 * keys the hosts serve) as trusted for an install, as an operator does on the host checks page.
 */
import fs from 'node:fs';
import type { LabHostState, LabState } from '@/lab/state';
import { getDb } from '../../db';
import { endpointOf } from '../../preflight/host-keys';
import { fingerprintOf } from '../../ssh';

export async function trustLabHostKeys(installId: string, state: LabState, hosts: readonly LabHostState[]): Promise<void> {
  const lines = fs.readFileSync(state.knownHosts, 'utf8').split('\n');
  for (const h of hosts) {
    const line = lines.find((l) => l.startsWith(`${h.address} `) || l.startsWith(`[${h.address}]:${h.port} `));
    const [, algorithm, publicKey] = line?.split(' ') ?? [];
    if (!algorithm || !publicKey) throw new Error(`no known_hosts line for ${h.name} in ${state.knownHosts}`);
    const fingerprint = fingerprintOf(Buffer.from(publicKey, 'base64'));
    const address = endpointOf(h);
    await getDb().hostKey.upsert({
      where: { installId_address: { installId, address } },
      create: { installId, host: h.name, address, algorithm, fingerprint, publicKey, trusted: true },
      update: { algorithm, fingerprint, publicKey, trusted: true, pendingFingerprint: null },
    });
  }
}
