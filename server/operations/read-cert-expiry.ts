/**
 * Reads the apiserver certificate's expiry on every master over SSH (the profile's `apiserverCert`
 * path; `openssl x509 -enddate`), one short connection per master pinned to the host key the
 * operator trusted. Never throws: a master that cannot be read is `unknown`, saying why.
 */
import type { InstallConfig } from '@/lib/config/schema';
import { endpointOf } from '@/lib/config/endpoint';
import { trustedHostKey } from '../preflight/host-keys';
import { sshTargetOf } from '../preflight/host-shell';
import { getProfile } from '../installer-profiles/profiles';
import { mapLimit, withHost } from '../ssh';
import { judgeCertExpiry, parseNotAfter, unknownCertExpiry, type CertExpiry } from './cert-expiry';

const CONNECT = { connectTimeoutMs: 5_000, readyTimeoutMs: 10_000 };

/** `config` must carry the secrets (the logins are used, never shown). */
export async function readCertExpiry(installId: string, config: InstallConfig, now = new Date()): Promise<CertExpiry[]> {
  const profile = getProfile(config.installer.profile);
  const masters = config.hosts.filter((h) => h.roles.master);
  return mapLimit(masters, 8, async (host) => {
    const key = await trustedHostKey(installId, endpointOf(host));
    if (!key) return unknownCertExpiry(host.name, 'no trusted host key is recorded for it (check the hosts once)');
    const t = sshTargetOf(host);
    if ('missing' in t) return unknownCertExpiry(host.name, t.missing);
    const cert = profile.apiserverCert.replace('{install}', installId).replace('{host}', host.name);
    try {
      const r = await withHost(
        { ...t.target, expectedHostKey: key },
        (s) => s.exec(['openssl', 'x509', '-enddate', '-noout', '-in', cert], { sudo: true, timeoutMs: 15_000 }),
        CONNECT,
      );
      const notAfter = r.exitCode === 0 ? parseNotAfter(r.stdout) : null;
      return notAfter
        ? judgeCertExpiry(host.name, notAfter, now)
        : unknownCertExpiry(host.name, `${cert} could not be read (${r.stderr.trim().split('\n')[0] || `exit ${r.exitCode}`})`);
    } catch (err) {
      return unknownCertExpiry(host.name, err instanceof Error ? err.message : String(err));
    }
  });
}
