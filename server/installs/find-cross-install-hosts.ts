/**
 * The hosts an install shares with the other installs in the database, and those other installs'
 * hosts themselves (so the wizard can re-check as the operator types): see
 * lib/config/cross-install-hosts.ts for what counts as the same machine and how severe it is.
 *
 * Reads only name/status/configJson of installs and the dates of their runs. `secretsEnc` is never
 * selected, and the stored config is reduced to each host's name, address, port, internal IP and
 * taskbox flag before anything leaves this module. NotFoundError for an unknown id.
 */
import { z } from 'zod';
import { crossInstallHostIssues, type HostIdentity, type KnownInstallHost } from '@/lib/config/cross-install-hosts';
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import type { CrossInstallHosts } from '@/lib/api/installs';

export type { CrossInstallHosts };

// zod objects drop unknown keys: auth, become password and roles never come through
const storedHosts = z.object({
  hosts: z.array(z.object({ name: z.string(), address: z.string(), ip: z.string(), port: z.number(), taskbox: z.boolean() })),
});

/** A stored config that does not parse (an older shape) contributes no hosts rather than failing the page. */
function hostsOf(configJson: string): HostIdentity[] {
  try {
    const parsed = storedHosts.safeParse(JSON.parse(configJson));
    return parsed.success ? parsed.data.hosts : [];
  } catch {
    return [];
  }
}

type RunDates = { startedAt: Date | null; finishedAt: Date | null };

function lastRunAt(runs: RunDates[]): string | null {
  const run = runs[0];
  if (!run?.startedAt) return null;
  return (run.finishedAt ?? run.startedAt).toISOString();
}

/**
 * Every host of every install but this one (no secrets), with its install's status and last run.
 * An uninstalled install's hosts are free again (reset.yml cleaned them): they are not listed.
 */
export async function findOtherInstallHosts(installId: string): Promise<KnownInstallHost[]> {
  const others = await getDb().install.findMany({
    where: { id: { not: installId }, status: { not: 'uninstalled' } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      name: true,
      status: true,
      configJson: true,
      runs: { where: { startedAt: { not: null } }, orderBy: { startedAt: 'desc' }, take: 1, select: { startedAt: true, finishedAt: true } },
    },
  });
  return others.flatMap((other) => {
    const common = { installId: other.id, installName: other.name, installStatus: other.status, lastRunAt: lastRunAt(other.runs) };
    return hostsOf(other.configJson).map((h) => ({ ...common, name: h.name, address: h.address, ip: h.ip, port: h.port, taskbox: h.taskbox }));
  });
}

export async function findCrossInstallHosts(installId: string): Promise<CrossInstallHosts> {
  const self = await getDb().install.findUnique({ where: { id: installId }, select: { configJson: true } });
  if (!self) throw new NotFoundError(`install ${installId} not found`);
  const knownHosts = await findOtherInstallHosts(installId);
  return { issues: crossInstallHostIssues(hostsOf(self.configJson), knownHosts), knownHosts };
}
