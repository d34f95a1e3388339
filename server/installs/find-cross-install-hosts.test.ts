/**
 * Cross-install host conflicts against the real (SQLite) database, through the function and
 * GET /api/installs/:id/host-conflicts: which installs count, the run date in the message, a
 * re-check after the operator moves a host, and no secret in (or needed for) the answer.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import type { InstallConfig } from '@/lib/config/schema';
import { GET as hostConflicts } from '@/app/api/installs/[id]/host-conflicts/route';
import { getDb } from '../db';
import { adminCookie, callRoute } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { createInstall } from './create-install';
import { findCrossInstallHosts, type CrossInstallHosts } from './find-cross-install-hosts';
import { updateInstall } from './update-install';

useFreshDatabase();
let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

const PASSWORD = 'cross-Install-Secret-77';

/** The seed HA example on `10.<n>.0.x`, with a real SSH password on every host. */
function configOn(n: number): InstallConfig {
  const c = seedConfig();
  for (const h of c.hosts) {
    h.address = h.address.replace('192.168.0.', `10.${n}.0.`);
    h.ip = h.ip.replace('192.168.0.', `10.${n}.0.`);
    if (h.auth.kind === 'password') h.auth.password = { set: true, value: PASSWORD };
  }
  return c;
}

async function installedInstall(name: string, n: number, finishedAt: Date): Promise<string> {
  const { id } = await createInstall({ name, config: configOn(n) });
  await getDb().install.update({ where: { id }, data: { status: 'installed' } });
  await getDb().run.create({ data: { installId: id, status: 'succeeded', startedAt: new Date(finishedAt.getTime() - 3_600_000), finishedAt } });
  return id;
}

describe('findCrossInstallHosts', () => {
  it('warns for a host of an installed install, with its date; nothing for unrelated installs', async () => {
    await installedInstall('prod', 1, new Date('2026-11-20T10:00:00Z'));
    await installedInstall('elsewhere', 2, new Date('2026-11-21T10:00:00Z'));
    const config = configOn(3);
    config.hosts[4] = { ...config.hosts[4], address: '10.1.0.2', ip: '10.1.0.2' } as InstallConfig['hosts'][number];
    const { id } = await createInstall({ name: 'new', config });

    const found = await findCrossInstallHosts(id);
    expect(found.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'hosts.4.address',
        message:
          '10.1.0.2 is also master2 in install "prod" (installed 2026-11-20). Installing here would reset that node; remove it from "prod" first or use another host.',
      }),
    ]);
    expect(found.knownHosts.filter((h) => h.installName === 'prod')).toHaveLength(6);
    expect(found.knownHosts.some((h) => h.installId === id)).toBe(false);
    expect(found.knownHosts[0]).toEqual({
      installId: expect.any(String) as string,
      installName: 'prod',
      installStatus: 'installed',
      lastRunAt: '2026-11-20T10:00:00.000Z',
      name: 'master1',
      address: '10.1.0.1',
      ip: '10.1.0.1',
      port: 22,
      taskbox: true,
    });

    // the operator moves the host elsewhere: the saved draft no longer conflicts
    config.hosts[4] = { ...config.hosts[4], address: '10.3.0.50', ip: '10.3.0.50' } as InstallConfig['hosts'][number];
    config.hosts[4].auth = { kind: 'password', password: { set: true } };
    await updateInstall(id, { config, draft: true });
    expect((await findCrossInstallHosts(id)).issues).toEqual([]);
  });

  it('only informs about a draft that never ran, and warns again once it has run', async () => {
    const { id: planId } = await createInstall({ name: 'plan', config: configOn(4) });
    const { id } = await createInstall({ name: 'copy', config: configOn(4) });
    const before = await findCrossInstallHosts(id);
    expect(before.issues).toHaveLength(6);
    expect(new Set(before.issues.map((i) => i.severity))).toEqual(new Set(['info']));
    expect(before.issues[0]?.message).toContain('in install "plan" (ready, not installed yet)');
    // the taskbox too is matched by its SSH address: the wizard logs in to it there
    expect(before.issues.map((i) => i.path)).toEqual([0, 1, 2, 3, 4, 5].map((n) => `hosts.${n}.address`));

    await getDb().run.create({
      data: { installId: planId, status: 'failed', startedAt: new Date('2026-11-22T08:00:00Z'), finishedAt: new Date('2026-11-22T08:05:00Z') },
    });
    await getDb().install.update({ where: { id: planId }, data: { status: 'failed' } });
    const after = await findCrossInstallHosts(id);
    expect(new Set(after.issues.map((i) => i.severity))).toEqual(new Set(['warning']));
    expect(after.issues[0]?.message).toContain('(its install failed 2026-11-22)');
  });

  it('answers through GET /api/installs/:id/host-conflicts without any secret, and without decrypting any', async () => {
    const { id: otherId } = await createInstall({ name: 'sealed', config: configOn(5) });
    const { id } = await createInstall({ name: 'probe', config: configOn(5) });
    // a secrets blob nobody can open: the answer must not need it
    await getDb().install.updateMany({ where: { id: { in: [id, otherId] } }, data: { secretsEnc: 'not-a-sealed-blob' } });
    const res = await callRoute(hostConflicts, { cookie, params: { id } });
    expect(res.status, res.text).toBe(200);
    const body = res.json as CrossInstallHosts;
    expect(body.issues.filter((i) => i.other.installName === 'sealed')).toHaveLength(6);
    expect(res.text).not.toContain(PASSWORD);
    expect(res.text).not.toMatch(/"auth"|becomePassword|"set"/);
    expect(Object.keys(body).sort()).toEqual(['issues', 'knownHosts']);
  });

  it('404 for an unknown install', async () => {
    await expect(findCrossInstallHosts('nope')).rejects.toThrow(/not found/);
  });
});
