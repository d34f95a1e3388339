/**
 * Defaults of a new install, as the KubeSphere 2.0.2 bundle ships them
 * (../shared/reference/kubesphere-2.0-installer.md §2); the vars.yml fields' defaults are their
 * field catalogue entries' (./fields/). Where the installer's own default is a
 * placeholder such as SHOULD_BE_REPLACED, the wizard starts with an empty field instead, so the
 * "required" rules can point at it.
 */
import type { InstallConfig } from './schema';
import { catalogueDefaults } from './fields/defaults';

// the pieces' defaults live in ./piece-defaults.ts (no zod, no catalogue: the browser imports that)
export * from './piece-defaults';

export function defaultConfig(clusterName = 'kubesphere'): InstallConfig {
  return {
    clusterName,
    target: '2.0.2',
    installer: { profile: 'kubesphere-2.0.2', bundlePath: '', machine: { kind: 'taskbox' } },
    hosts: [],
    loadBalancer: { kind: 'none' },
    // network, storage, QingCloud and options: each field's default is its catalogue entry's
    ...catalogueDefaults(),
  };
}
