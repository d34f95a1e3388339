/**
 * Facts about the wizard's own machine for the cluster-wide checks of one preflight run: the
 * installer bundle (file system reads) and the local Ansible (two `--version` commands). Gathered
 * once per run, started with the host fan-out so the commands' ~0.3 s overlaps it. Never rejects.
 */
import type { InstallConfig } from '@/lib/config/schema';
import { getProfile } from '../runner/profiles';
import { gatherAnsibleFacts, type AnsibleFacts } from './ansible-facts';
import { gatherBundleFacts, type BundleFacts } from './bundle-facts';

export interface LocalFacts {
  bundle: BundleFacts;
  ansible: AnsibleFacts;
}

export async function gatherLocalFacts(config: InstallConfig): Promise<LocalFacts> {
  const ansible = gatherAnsibleFacts();
  const bundle = gatherBundleFacts(config, getProfile(config.installer.profile));
  return { bundle, ansible: await ansible };
}
