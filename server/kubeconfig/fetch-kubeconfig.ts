/**
 * Reads the cluster's admin kubeconfig from the install's first master over SSH and stores it sealed
 * (stored-kubeconfig.ts). The connection is the one the runner trusts: the host's login from the
 * install's secrets and the host key the operator trusted (taskbox-target.ts), never another key.
 *
 * Invariants: the file's text is never logged, never in an error message, and only accepted when it
 * looks like a kubeconfig (a v1 Config with clusters), at most MAX_BYTES.
 */
import { firstMasterOf, KUBECONFIG_PATHS } from '@/lib/installer/finish-line';
import { resolveSecrets } from '../installs/resolve-secrets';
import { getProfile } from '../installer-profiles/profiles';
import { trustedHostTarget } from '../runner/taskbox/taskbox-target';
import { withHost } from '../ssh';
import { storeKubeconfig } from './stored-kubeconfig';

const MAX_BYTES = 1024 * 1024;
const NOT_FOUND_EXIT = 3;

export class KubeconfigFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubeconfigFetchError';
  }
}

/** Prints the first non-empty candidate's path on one line, then its content; exit 3 when none is there. */
const READ_FIRST_SCRIPT = `for f in "$@"; do if [ -s "$f" ]; then printf '%s\\n' "$f"; exec cat -- "$f"; fi; done; exit ${NOT_FOUND_EXIT}`;

export function looksLikeKubeconfig(text: string): boolean {
  return /^kind:\s*Config\s*$/m.test(text) && /^clusters:/m.test(text);
}

export interface FetchedKubeconfig {
  host: string;
  path: string;
}

export async function fetchKubeconfig(installId: string): Promise<FetchedKubeconfig> {
  const config = await resolveSecrets(installId);
  const master = firstMasterOf(config.hosts);
  if (!master) throw new KubeconfigFetchError('the install has no master: the kubeconfig lives on the first master');
  let target;
  try {
    target = await trustedHostTarget(installId, master, getProfile(config.installer.profile));
  } catch (err) {
    throw new KubeconfigFetchError((err as Error).message);
  }
  const result = await withHost(target, (session) =>
    session.exec(['sh', '-c', READ_FIRST_SCRIPT, 'sh', ...KUBECONFIG_PATHS], { sudo: true, timeoutMs: 30_000 }),
  ).catch((err: Error) => {
    throw new KubeconfigFetchError(`could not read the kubeconfig on ${master.name}: ${err.message}`);
  });
  if (result.exitCode === NOT_FOUND_EXIT)
    throw new KubeconfigFetchError(`${master.name} has no kubeconfig at ${KUBECONFIG_PATHS.join(' or ')}: the Kubernetes stage did not finish there`);
  if (result.exitCode !== 0) throw new KubeconfigFetchError(`reading the kubeconfig on ${master.name} failed (exit code ${result.exitCode})`);
  const newline = result.stdout.indexOf('\n');
  const path = result.stdout.slice(0, newline);
  const text = result.stdout.slice(newline + 1);
  if (Buffer.byteLength(text) > MAX_BYTES) throw new KubeconfigFetchError(`${path} on ${master.name} is larger than 1 MiB: not a kubeconfig`);
  if (!looksLikeKubeconfig(text)) throw new KubeconfigFetchError(`${path} on ${master.name} is not a kubeconfig (no "kind: Config" with clusters)`);
  await storeKubeconfig(installId, text, `${master.name}:${path}`);
  return { host: master.name, path };
}
