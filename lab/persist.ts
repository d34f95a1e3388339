/** Writes known_hosts (from the real host keys), hosts.ini (0600) and state.json. Lock held by the caller. */
import { renderInventory, renderKnownHosts } from './inventory';
import { readPublicKey } from './keys';
import { hostPaths } from './paths';
import { writeState, type LabState } from './state';
import { writeLabFile } from './write-file';

/** Rewrites known_hosts, hosts.ini and state.json from the current state (lock held). */
export async function persist(state: LabState): Promise<string> {
  const keys = await Promise.all(
    state.hosts.map(async (h) => ({
      address: h.address,
      port: h.port,
      ...(await readPublicKey(`${hostPaths(h.index, state.dir).hostKey}.pub`)),
    })),
  );
  await writeLabFile(state.knownHosts, renderKnownHosts(keys), { mode: 0o644 });
  const inventory = renderInventory(state.hosts, state.user, state.password);
  await writeLabFile(state.inventory, inventory, { mode: 0o600 });
  await writeState(state);
  return inventory;
}
