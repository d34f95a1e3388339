import type { Host } from '@/lib/config/schema';
import type { Secret } from '@/lib/config/secret';
import type { CopySource } from '@/components/form/secret-field';

type SecretKey = 'password' | 'privateKey' | 'passphrase' | 'becomePassword';

function secretAt(host: Host, key: SecretKey): Secret | undefined {
  if (key === 'becomePassword') return host.becomePassword;
  const auth = host.auth;
  if (key === 'password') return auth.kind === 'password' ? auth.password : undefined;
  return auth.kind === 'key' ? auth[key] : undefined;
}

function pathOf(index: number, key: SecretKey): string {
  return key === 'becomePassword' ? `hosts.${index}.becomePassword` : `hosts.${index}.auth.${key}`;
}

/**
 * "Same as the first host": the first other host that has this secret, following copies to the
 * host that really holds the value (a copy of a copy would point at a copy). Undefined when no
 * other host has it yet.
 */
export function copySourceFor(hosts: Host[], index: number, key: SecretKey): CopySource | undefined {
  const own = pathOf(index, key);
  for (let j = 0; j < hosts.length; j++) {
    const other = hosts[j];
    if (j === index || !other) continue;
    const s = secretAt(other, key);
    if (!s?.set) continue;
    const path = s.copyFrom ?? pathOf(j, key);
    if (path === own) continue;
    const m = /^hosts\.(\d+)\./.exec(path);
    const holder = m ? hosts[Number(m[1])] : undefined;
    return { path, label: holder?.name || `host ${j + 1}` };
  }
  return undefined;
}

/** "Same as the first host" for a login that is no host of the cluster (an installer machine outside it). */
export function copySourceFromHosts(hosts: Host[], key: SecretKey): CopySource | undefined {
  return copySourceFor(hosts, -1, key);
}
