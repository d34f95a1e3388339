/**
 * The wizard's rules in the browser: zod, the config schema and every rule (~45 KiB gzipped), loaded
 * by validation-loader.ts on the operator's first interaction with the wizard, not with the page
 * (the page arrives with the server's verdict, lib/config/wizard-check.ts).
 */
import { clusterConfigResolver } from '@/lib/config/wizard-check';
import type { ClusterMember } from '@/lib/config/rules/cluster-members';

export { validateClusterConfig } from '@/lib/config/cluster-validate';
export { installConfigShape } from '@/lib/config/schema';

const resolvers = new WeakMap<readonly ClusterMember[], ReturnType<typeof clusterConfigResolver>>();

/** One resolver per member list (the schema with the member rules is built once). */
export function resolverFor(members: readonly ClusterMember[]): ReturnType<typeof clusterConfigResolver> {
  let resolver = resolvers.get(members);
  if (!resolver) {
    resolver = clusterConfigResolver(members);
    resolvers.set(members, resolver);
  }
  return resolver;
}
