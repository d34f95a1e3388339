/** Test helper: creates a `lab`-profile install (see lab-config.ts) through the installs service. */
import type { LabHostState, LabState } from '@/lab/state';
import { createInstall } from '../../installs/create-install';
import { labConfig } from './lab-config';

export { labConfig };

export async function createLabInstall(state: LabState, hosts: LabHostState[], name = 'lab'): Promise<string> {
  const view = await createInstall({ name, config: labConfig(state, hosts) });
  return view.id;
}
