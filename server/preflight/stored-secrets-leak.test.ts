/**
 * Black box, against an SSH server that records everything sent to it (test-support/fake-sshd.ts):
 * stored SSH and sudo passwords never reach an endpoint the operator has not trusted and confirmed
 * (issue 11 item 4). All actions go through the API routes a browser (or a stolen session) uses.
 *
 * - A first contact fetches the key and logs in with nothing: no user name, password or sudo answer.
 * - The attack: rename node1 to node9 and point it at the attacker's server, keeping the stored
 *   password and sudo password ({set:true}), or copy them to a new host: preflight sends nothing,
 *   even with "trust new keys", because the secrets were entered for node1's old address.
 * - With the operator's confirmation for the new address and the key trusted, it does log in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as createRoute } from '@/app/api/installs/route';
import { PUT as updateRoute } from '@/app/api/installs/[id]/route';
import { POST as preflightRoute } from '@/app/api/installs/[id]/preflight/route';
import { GET as hostKeysRoute } from '@/app/api/installs/[id]/host-keys/route';
import { POST as trustRoute } from '@/app/api/installs/[id]/host-keys/trust/route';
import { GET as gateRoute } from '@/app/api/installs/[id]/install-gate/route';
import type { InstallConfig } from '@/lib/config/schema';
import { newLabConfig } from '../lab/lab-hosts-config';
import { adminCookie, callRoute } from '../test-support/api-client';
import { startFakeSshd, type FakeSshd } from '../test-support/fake-sshd';
import { useFreshDatabase } from '../test-support/fresh-db';
import { getPreflightRun } from './get-preflight';
import type { HostKeyView } from './host-keys';
import { waitForPreflight } from './run-preflight';

useFreshDatabase();
const PASSWORD = 'stored-ssh-password-4f2';
const SUDO = 'stored-sudo-password-9c1';
let cookie = '';
let legit: FakeSshd;
let evil: FakeSshd;

beforeAll(async () => {
  cookie = await adminCookie();
  [legit, evil] = await Promise.all([startFakeSshd(), startFakeSshd()]);
});
afterAll(async () => {
  await Promise.all([legit.close(), evil.close()]);
});

function node1Config(): InstallConfig {
  return newLabConfig(
    [{ name: 'node1', address: '127.0.0.1', port: legit.port }],
    {
      user: 'ops',
      auth: { kind: 'password', password: { set: true, value: PASSWORD } },
      becomePassword: { set: true, value: SUDO },
    },
    'last-host-works',
  );
}

async function createWithStoredSecrets(): Promise<{ id: string; config: InstallConfig }> {
  const res = await callRoute(createRoute, { method: 'POST', cookie, body: { name: `leak-${Date.now()}`, config: node1Config() } });
  expect(res.status).toBe(201);
  const view = res.json as { id: string; config: InstallConfig };
  expect(JSON.stringify(view)).not.toContain(PASSWORD);
  return view;
}

async function save(id: string, config: InstallConfig): Promise<InstallConfig> {
  const res = await callRoute(updateRoute, { method: 'PUT', cookie, params: { id }, body: { config, draft: true } });
  expect(res.status, res.text).toBe(200);
  return (res.json as { config: InstallConfig }).config;
}

async function preflight(id: string, body: object = {}) {
  const res = await callRoute(preflightRoute, { method: 'POST', cookie, params: { id }, body });
  expect(res.status, res.text).toBe(202);
  const { runId } = res.json as { runId: string };
  await waitForPreflight(runId);
  return getPreflightRun(runId);
}

const sshCheck = (view: Awaited<ReturnType<typeof preflight>>, host: string) => view.hosts.find((h) => h.name === host)?.checks.find((c) => c.id === 'ssh');
const received = (server: FakeSshd) => [...server.attempts.flatMap((a) => a.secrets), ...server.sudoAnswers];

async function trustShownKey(id: string, host: string): Promise<HostKeyView> {
  const keys = (await callRoute(hostKeysRoute, { cookie, params: { id } })).json as HostKeyView[];
  const key = keys.find((k) => k.host === host);
  if (!key) throw new Error(`no key listed for ${host}`);
  const res = await callRoute(trustRoute, { method: 'POST', cookie, params: { id }, body: { host, fingerprint: key.fingerprint, address: key.address } });
  expect(res.status, res.text).toBe(200);
  return key;
}

describe('stored secrets and untrusted SSH endpoints', () => {
  it('a first contact fetches the key and logs in with nothing until the key is trusted', async () => {
    const { id } = await createWithStoredSecrets();
    const before = legit.connections;
    const first = await preflight(id);
    expect(legit.connections).toBeGreaterThan(before);
    expect(legit.attempts).toEqual([]);
    expect(legit.sudoAnswers).toEqual([]);
    expect(sshCheck(first, 'node1')).toMatchObject({ status: 'fail', message: expect.stringMatching(/^Host key not yet trusted: ssh-ed25519 SHA256:/) });

    const key = await trustShownKey(id, 'node1');
    expect(key).toMatchObject({ state: 'new', address: `127.0.0.1:${legit.port}` });
    await preflight(id);
    expect(legit.attempts.map((a) => a.method)).toContain('password');
    expect(received(legit)).toEqual(expect.arrayContaining([PASSWORD, SUDO]));
  });

  it('rename node1 to node9 pointed at another server: the kept password and sudo password are sent nowhere until confirmed there', async () => {
    const { id, config } = await createWithStoredSecrets();
    const attack = structuredClone(config);
    const [host] = attack.hosts;
    if (!host) throw new Error('one host expected');
    Object.assign(host, { name: 'node9', port: evil.port });
    const saved = await save(id, attack);
    // stored, held back, and the operator is told for where it was entered
    expect(saved.hosts[0]?.becomePassword).toEqual({ set: true, enteredFor: `127.0.0.1:${legit.port}` });

    const plain = await preflight(id);
    expect(sshCheck(plain, 'node9')).toMatchObject({
      status: 'fail',
      message: expect.stringMatching(/Host key not yet trusted.*were entered for 127\.0\.0\.1:\d+, and node9 now points at/s),
    });
    // the attacker's own answer: "trust new keys" for the check
    const trusting = await preflight(id, { trustNewKeys: true });
    expect(sshCheck(trusting, 'node9')).toMatchObject({ status: 'fail', message: expect.stringMatching(/entered for 127\.0\.0\.1:\d+/) });
    expect(evil.connections).toBeGreaterThan(0);
    expect(evil.attempts).toEqual([]);
    // the install gate names the fields to confirm, with the same words as the wizard
    const gate = (await callRoute(gateRoute, { cookie, params: { id } })).json as { code: string; heldSecrets: { path: string; message: string }[] };
    expect(gate.code).toBe('secrets-held');
    expect(gate.heldSecrets.map((h) => h.path)).toEqual(['hosts.0.auth.password', 'hosts.0.becomePassword']);
    expect(gate.heldSecrets[0]?.message).toMatch(/stored SSH password of node9 was entered for 127\.0\.0\.1:\d+, and node9 now points at 127\.0\.0\.1:\d+/);
    expect(evil.sudoAnswers).toEqual([]);

    // a copy of the stored secrets to a new host at that server is held the same way
    const copied = structuredClone(saved);
    copied.hosts.push({
      ...structuredClone(config.hosts[0] ?? host),
      name: 'node10',
      address: '127.0.0.1',
      port: evil.port,
      auth: { kind: 'password', password: { set: true, copyFrom: 'hosts.0.auth.password' } },
      becomePassword: { set: true, copyFrom: 'hosts.0.becomePassword' },
    });
    const withCopy = await save(id, copied);
    expect(withCopy.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true, enteredFor: `127.0.0.1:${legit.port}` } });
    await preflight(id, { hosts: ['node10'], trustNewKeys: true });
    expect(received(evil)).toEqual([]);

    // the operator confirms both for the new endpoint and trusts its key: now it logs in
    const confirm = structuredClone(withCopy);
    confirm.hosts = confirm.hosts.slice(0, 1);
    const endpoint = `127.0.0.1:${evil.port}`;
    const [node9] = confirm.hosts;
    if (!node9) throw new Error('node9 expected');
    node9.auth = { kind: 'password', password: { set: true, useFor: endpoint } };
    node9.becomePassword = { set: true, useFor: endpoint };
    expect((await save(id, confirm)).hosts[0]?.becomePassword).toEqual({ set: true });
    await trustShownKey(id, 'node9');
    const confirmed = await preflight(id);
    expect(sshCheck(confirmed, 'node9')?.status).toBe('pass');
    expect(received(evil)).toEqual(expect.arrayContaining([PASSWORD, SUDO]));
  });
});
