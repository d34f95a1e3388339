/**
 * Preflight against real lab hosts (each in its own network namespace on the lab's bridge, see lab/).
 * Each run covers several cases at once to keep the suite short: healthy hosts; wrong SSH password +
 * wrong sudo password + an ip not on the host; a stopped host + a taken port + a port blocked between
 * two hosts; a changed host key after trusting the first one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLab } from '../../lab/fixture';
import { labFault } from '../../lab/faults';
import { getDb } from '../db';
import { createInstall } from '../installs/create-install';
import { updateInstall } from '../installs/update-install';
import { adminCookie, callRoute } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { GET as getRun } from '@/app/api/preflight/[runId]/route';
import { POST as startRoute } from '@/app/api/installs/[id]/preflight/route';
import { GET as latestRoute } from '@/app/api/installs/[id]/preflight/latest/route';
import { GET as hostKeysRoute } from '@/app/api/installs/[id]/host-keys/route';
import { POST as trustRoute } from '@/app/api/installs/[id]/host-keys/trust/route';
import { endpointOf } from './host-keys';
import { startPreflight, waitForPreflight } from './run-preflight';
import { getPreflightRun } from './get-preflight';
import { labConfig } from './testing/lab-config';
import { fingerprintOf } from '../ssh/host-key';
import type { PreflightRunView } from './view';

useFreshDatabase();
const lab = useLab(3);
let cookie = '';
let installId = '';

beforeAll(async () => {
  cookie = await adminCookie();
});

async function run(id: string, hosts?: string[]): Promise<PreflightRunView> {
  const runId = await startPreflight(id, hosts ? { hosts } : {});
  await waitForPreflight(runId);
  return getPreflightRun(runId);
}

const check = (view: PreflightRunView, host: string, id: string) => view.hosts.find((h) => h.name === host)?.checks.find((c) => c.id === id);

describe('preflight on lab hosts', () => {
  let first: PreflightRunView;

  it('healthy hosts: connection, sudo, ip, hostname and clock pass; Debian 12 warns as unsupported', async () => {
    const created = await createInstall({ name: 'lab', config: labConfig(lab.state, lab.hosts) });
    installId = created.id;
    // first contact: each host's key is fetched, nothing is sent, the operator compares and trusts
    const probe = await run(installId);
    for (const [i, h] of lab.hosts.entries()) {
      expect(check(probe, h.name, 'ssh')).toMatchObject({
        status: 'fail',
        message: expect.stringContaining(`Host key not yet trusted: ssh-ed25519 ${lab.host(i).hostKeyFingerprint}`),
      });
      expect(probe.hosts.find((x) => x.name === h.name)?.checks.map((c) => c.id)).toEqual(['ssh']);
    }
    const keys = (await callRoute(hostKeysRoute, { cookie, params: { id: installId } })).json as {
      host: string;
      address: string;
      state: string;
      fingerprint: string;
    }[];
    expect(keys).toHaveLength(3);
    expect(keys.every((k) => k.state === 'new' && k.fingerprint.startsWith('SHA256:'))).toBe(true);
    for (const k of keys)
      expect(
        (
          await callRoute(trustRoute, {
            method: 'POST',
            cookie,
            params: { id: installId },
            body: { host: k.host, fingerprint: k.fingerprint, address: k.address },
          })
        ).status,
      ).toBe(200);

    const res = await callRoute(startRoute, { method: 'POST', cookie, params: { id: installId }, body: {} });
    expect(res.status).toBe(202);
    const { runId } = res.json as { runId: string };
    await waitForPreflight(runId);
    first = (await callRoute(getRun, { cookie, params: { runId } })).json as PreflightRunView;
    expect(first.hosts.map((h) => h.name)).toEqual(lab.hosts.map((h) => h.name));
    for (const h of lab.hosts) {
      for (const id of ['ssh', 'sudo', 'ip-local', 'hostname', 'clock', 'ports', 'peers'])
        expect(check(first, h.name, id)?.status, `${h.name} ${id}`).toBe('pass');
      expect(check(first, h.name, 'os')).toMatchObject({ status: 'warn', message: expect.stringMatching(/not in the supported list/) });
      expect(check(first, h.name, 'fsync')?.status).toMatch(/pass|warn/);
    }
    expect(first.cluster.checks.map((c) => c.id)).toContain('hostnames-unique');
    expect(first.status).not.toBe('running');
    const nodes = await getDb().node.findMany({ where: { installId } });
    expect(nodes.every((n) => n.state === 'ready' || n.state === 'failed')).toBe(true);
  });

  it('API shape: latest run, result fields, host keys (trusted)', async () => {
    const latest = (await callRoute(latestRoute, { cookie, params: { id: installId } })).json as PreflightRunView;
    expect(latest.runId).toBe(first.runId);
    expect(['passed', 'warned', 'failed']).toContain(latest.status);
    const c = latest.hosts[0]?.checks[0];
    expect(Object.keys(c ?? {})).toEqual(expect.arrayContaining(['id', 'status', 'message', 'seq']));
    expect(latest.lastSeq).toBeGreaterThan(30);
    const keys = (await callRoute(hostKeysRoute, { cookie, params: { id: installId } })).json as { host: string; state: string; fingerprint: string }[];
    expect(keys).toHaveLength(3);
    expect(keys.every((k) => k.state === 'trusted' && k.fingerprint.startsWith('SHA256:'))).toBe(true);
    const bad = await callRoute(startRoute, { method: 'POST', cookie, params: { id: installId }, body: { hosts: ['nope'] } });
    expect(bad.status).toBe(422);
  });

  it('wrong SSH password, wrong sudo password, ip not on the host', async () => {
    const [a, b, c] = lab.hosts.map((h) => h.name);
    const config = labConfig(lab.state, lab.hosts);
    const [h0, h1, h2] = config.hosts;
    if (!h0 || !h1 || !h2 || !a || !b || !c) throw new Error('three lab hosts expected');
    h0.auth = { kind: 'password', password: { set: true, value: 'wrong-password' } };
    h1.becomePassword = { set: true, value: 'wrong-sudo-password' };
    h2.ip = '10.99.0.1';
    await updateInstall(installId, { config, draft: true });
    const v = await run(installId);
    expect(check(v, a, 'ssh')).toMatchObject({ status: 'fail', message: expect.stringMatching(/authentication refused/) });
    expect(check(v, a, 'ssh')?.message).not.toMatch(/\[[a-z-]+\]/); // no internal error code such as [auth] in operator text
    expect(check(v, b, 'ssh')?.status).toBe('pass');
    expect(check(v, b, 'sudo')).toMatchObject({ status: 'fail', message: expect.stringMatching(/sudo .* refused the password/) });
    expect(check(v, c, 'ip-local')).toMatchObject({ status: 'fail', message: expect.stringMatching(/10\.99\.0\.1 is not configured/) });
    expect(v.status).toBe('failed');
    const node = await getDb().node.findFirst({ where: { installId, name: a } });
    expect(node).toMatchObject({ state: 'failed', stateNote: expect.stringMatching(/SSH login/) });
    await updateInstall(installId, { config: labConfig(lab.state, lab.hosts), draft: true });
  });

  it("a stopped host is refused; a taken 6443 fails that master's port check only; etcd blocked between two hosts fails their reachability", async () => {
    const [a, b, c] = lab.hosts.map((h) => h.name);
    if (!a || !b || !c) throw new Error('lab hosts expected');
    await labFault('stop', a);
    await labFault('take-port', b, '6443');
    await labFault('block-port', b, '2379', c); // b's firewall drops etcd client traffic from c
    try {
      const v = await run(installId, [a, b, c]);
      expect(check(v, a, 'ssh')).toMatchObject({ status: 'fail', message: expect.stringMatching(/refused/) });
      expect(check(v, b, 'ports')).toMatchObject({ status: 'fail', message: expect.stringMatching(/port 6443/) });
      // each host has its own network stack: b's listener is not on c
      expect(check(v, c, 'ports')?.status).toBe('pass');
      expect(check(v, c, 'peers')).toMatchObject({ status: 'fail', message: expect.stringContaining(`${lab.host(1).address}:2379`) });
      expect(check(v, c, 'peers')?.message).toMatch(/no answer within 3 s/);
      expect(check(v, b, 'peers')?.status).toBe('pass');
    } finally {
      await labFault('restore', a);
      await labFault('restore', b);
    }
  });

  it('a changed host key fails after the first key was trusted; trusting the new key lets it pass', async () => {
    const c = lab.hosts[2]?.name;
    if (!c) throw new Error('lab host expected');
    await labFault('rekey', c);
    try {
      const v = await run(installId, [c]);
      expect(check(v, c, 'ssh')).toMatchObject({ status: 'fail', message: expect.stringMatching(/host key of .* changed/) });
      const keys = (await callRoute(hostKeysRoute, { cookie, params: { id: installId } })).json as {
        host: string;
        state: string;
        pendingFingerprint?: string;
      }[];
      expect(keys.find((k) => k.host === c)).toMatchObject({ state: 'changed', pendingFingerprint: expect.stringMatching(/^SHA256:/) });
      // the refused key is stored whole as pending, so accepting it stores the real key
      await lab.refresh();
      const rekeyed = lab.hosts[2];
      const pending = await getDb().hostKey.findUniqueOrThrow({ where: { installId_address: { installId, address: endpointOf(lab.host(2)) } } });
      expect(pending).toMatchObject({ pendingFingerprint: rekeyed?.hostKeyFingerprint, pendingAlgorithm: rekeyed?.hostKeyAlgorithm });
      expect(fingerprintOf(Buffer.from(pending.pendingPublicKey ?? '', 'base64'))).toBe(rekeyed?.hostKeyFingerprint);
      const accepted = await callRoute(trustRoute, {
        method: 'POST',
        cookie,
        params: { id: installId },
        body: { host: c, fingerprint: pending.pendingFingerprint },
      });
      expect(accepted.status).toBe(200);
      const trusted = await getDb().hostKey.findUniqueOrThrow({ where: { installId_address: { installId, address: endpointOf(lab.host(2)) } } });
      expect(trusted).toMatchObject({
        fingerprint: rekeyed?.hostKeyFingerprint,
        algorithm: rekeyed?.hostKeyAlgorithm,
        publicKey: pending.pendingPublicKey,
        trusted: true,
        pendingFingerprint: null,
      });
      const again = await run(installId, [c]);
      expect(check(again, c, 'ssh')?.status).toBe('pass');
    } finally {
      await labFault('restore', c);
    }
  });
});

afterAll(async () => {
  await getDb().install.deleteMany({ where: { id: installId } });
});
