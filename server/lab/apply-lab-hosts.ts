/**
 * "Use the local lab": replaces an install's hosts with the lab hosts and keeps the rest of its
 * config. Names lab1..labN, address = ip = the lab's address (10.200.0.x by default), the lab user with its password as both the
 * SSH password and the sudo password (the installer logs in as a non-root user and becomes root
 * with it). lab1 is the taskbox, logged in to with that same login, and the installer runs there.
 * Roles as the lab's own hosts.ini: the first 3 hosts (1 when fewer) are master + etcd, the rest
 * workers; with no worker left, the masters also work. The installer becomes profile 'lab' with
 * its default bundle path, and the load balancer none; saved as a draft (409 while a run is
 * installing, 409 when the lab is down).
 */
import type { Host, InstallConfig } from '@/lib/config/schema';
import { getDb } from '../db';
import { HttpError, NotFoundError } from '../http/errors';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { updateInstall } from '../installs/update-install';
import type { InstallView } from '../installs/install-view';
import { labConfigHosts, labInstallerSettings, labPasswordLogin } from './lab-hosts-config';
import { readLabLogin, type LabLogin } from './read-lab';

export const LAB_DOWN_MESSAGE = 'the local lab is not up: start it with `npm run lab -- up --hosts 3`, then try again';

export function labHosts(lab: LabLogin): Host[] {
  return labConfigHosts(lab.hosts, labPasswordLogin(lab.user, lab.password), 'hosts-ini');
}

export function withLabHosts(config: InstallConfig, lab: LabLogin): InstallConfig {
  return {
    ...config,
    installer: labInstallerSettings(),
    hosts: labHosts(lab),
    loadBalancer: { kind: 'none' },
  };
}

export async function applyLabHosts(installId: string): Promise<InstallView> {
  const row = await getDb().install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const lab = await readLabLogin();
  if (!lab || lab.hosts.length === 0) throw new HttpError(409, LAB_DOWN_MESSAGE);
  return updateInstall(installId, { config: withLabHosts(parseStoredConfig(row), lab), draft: true });
}
