/**
 * GET /api/lab and POST /api/installs/:id/use-lab against a fake lab directory: a state.json like
 * lab/ writes and, for the hosts that are "up", a live process named sshd behind the pid file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/server/db';
import { resolveSecrets } from '@/server/installs/resolve-secrets';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import { POST as create } from '../installs/route';
import { POST as useLab } from '../installs/[id]/use-lab/route';
import { GET as getLab } from './route';

useFreshDatabase();

const PASSWORD = 'lab-Secret-pw-123';
const root = mkdtempSync(path.join(os.tmpdir(), 'ksw-lab-api-'));
const labDir = path.join(root, 'lab');
let sshd: ChildProcess | undefined;
let cookie = '';
const savedEnv = process.env.KSW_LAB_DIR;

function writeLab(hosts: number, upPid: number | undefined): void {
  rmSync(labDir, { recursive: true, force: true });
  mkdirSync(labDir, { recursive: true });
  const list = Array.from({ length: hosts }, (_, i) => ({
    name: `lab${i + 1}`,
    index: i + 1,
    address: `127.0.0.${11 + i}`,
    port: 22,
    hostKeyAlgorithm: 'ssh-ed25519',
    hostKeyFingerprint: 'SHA256:x',
    faults: [],
    takenPorts: [],
  }));
  writeFileSync(path.join(labDir, 'state.json'), JSON.stringify({ version: 1, dir: labDir, owner: 'cli', user: 'kswlab', password: PASSWORD, hosts: list }));
  for (const h of list) {
    mkdirSync(path.join(labDir, 'hosts', h.name), { recursive: true });
    if (upPid) writeFileSync(path.join(labDir, 'hosts', h.name, 'sshd.pid'), `${upPid}\n`);
  }
}

beforeAll(async () => {
  cookie = await adminCookie();
  process.env.KSW_LAB_DIR = labDir;
  const fake = path.join(root, 'sshd'); // a process whose comm is "sshd"
  copyFileSync('/bin/sleep', fake);
  sshd = spawn(fake, ['300'], { stdio: 'ignore' });
  await new Promise((r) => setTimeout(r, 100));
});

afterAll(() => {
  sshd?.kill();
  if (savedEnv === undefined) delete process.env.KSW_LAB_DIR;
  else process.env.KSW_LAB_DIR = savedEnv;
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => rmSync(labDir, { recursive: true, force: true }));

async function newInstall(): Promise<string> {
  const res = await callRoute(create, { method: 'POST', cookie, body: { name: `lab ${Math.random()}` } });
  expect(res.status).toBe(201);
  return (res.json as { id: string }).id;
}

describe('GET /api/lab', () => {
  it('says down when there is no lab', async () => {
    const res = await callRoute(getLab, { cookie });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ up: false, hosts: [] });
  });

  it('lists the hosts of a running lab without its password', async () => {
    writeLab(3, sshd?.pid);
    const res = await callRoute(getLab, { cookie });
    expect(res.json).toEqual({
      up: true,
      hosts: [1, 2, 3].map((i) => ({ name: `lab${i}`, address: `127.0.0.${10 + i}`, up: true })),
    });
    expect(res.text).not.toContain(PASSWORD);
  });

  it('says down when the sshd processes are gone', async () => {
    writeLab(2, 999_999);
    expect((await callRoute(getLab, { cookie })).json).toMatchObject({ up: false, hosts: [{ up: false }, { up: false }] });
  });

  it('needs a session', async () => {
    expect((await callRoute(getLab, {})).status).toBe(401);
  });
});

describe('POST /api/installs/:id/use-lab', () => {
  it('answers 409 with the command to start the lab when it is down', async () => {
    const id = await newInstall();
    const res = await callRoute(useLab, { method: 'POST', cookie, params: { id } });
    expect(res.status).toBe(409);
    expect((res.json as { error: string }).error).toContain('npm run lab -- up --hosts 3');
  });

  it('replaces the hosts with the lab hosts, encrypts the lab password and saves a draft', async () => {
    writeLab(4, sshd?.pid);
    const id = await newInstall();
    const res = await callRoute(useLab, { method: 'POST', cookie, params: { id } });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(PASSWORD);
    const view = res.json as {
      status: string;
      config: {
        installer: { profile: string };
        loadBalancer: { kind: string };
        hosts: {
          name: string;
          address: string;
          ip: string;
          user: string;
          taskbox: boolean;
          roles: Record<string, boolean>;
          auth: { kind: string; password: { set: boolean } };
          becomePassword: { set: boolean };
        }[];
      };
      errors: { code: string }[];
    };
    expect(view.config.installer).toEqual({ profile: 'lab', bundlePath: '', machine: { kind: 'taskbox' } });
    expect(view.config.loadBalancer).toEqual({ kind: 'none' });
    expect(view.config.hosts.map((h) => h.taskbox)).toEqual([true, false, false, false]);
    expect(view.config.hosts.map((h) => [h.name, h.address, h.ip, h.user])).toEqual(
      [1, 2, 3, 4].map((i) => [`lab${i}`, `127.0.0.${10 + i}`, `127.0.0.${10 + i}`, 'kswlab']),
    );
    expect(view.config.hosts.map((h) => h.roles)).toEqual([
      ...[0, 1, 2].map(() => ({ master: true, etcd: true, worker: false })),
      { master: false, etcd: false, worker: true },
    ]);
    expect(view.config.hosts[0]?.auth).toEqual({ kind: 'password', password: { set: true } });
    expect(view.config.hosts[0]?.becomePassword).toEqual({ set: true });
    expect(view.errors).toEqual([]);
    const row = await getDb().install.findUniqueOrThrow({ where: { id } });
    expect(row.configJson).not.toContain(PASSWORD);
    const resolved = await resolveSecrets(id);
    const h0 = resolved.hosts[0];
    expect(h0?.auth.kind === 'password' ? h0.auth.password.value : undefined).toBe(PASSWORD);
    expect(h0?.becomePassword.value).toBe(PASSWORD);
  });

  it('makes a single lab host master, etcd and worker', async () => {
    writeLab(1, sshd?.pid);
    const id = await newInstall();
    const view = (await callRoute(useLab, { method: 'POST', cookie, params: { id } })).json as { config: { hosts: { roles: unknown }[] } };
    expect(view.config.hosts.map((h) => h.roles)).toEqual([{ master: true, etcd: true, worker: true }]);
  });

  it('404s for an unknown install', async () => {
    writeLab(3, sshd?.pid);
    expect((await callRoute(useLab, { method: 'POST', cookie, params: { id: 'nope' } })).status).toBe(404);
  });
});
