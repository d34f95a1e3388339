import { beforeAll, describe, expect, it } from 'vitest';
import { seedConfig } from '@/lib/config/fixtures';
import type { InstallConfig } from '@/lib/config/schema';
import { getDb } from '@/server/db';
import { resolveSecrets } from '@/server/installs/resolve-secrets';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import { GET as download } from './[id]/files/[file]/route';
import { DELETE, GET as getOne, PUT } from './[id]/route';
import { GET as list, POST as create } from './route';

useFreshDatabase();

const ROOT_PW = 'Root-Pa55-very-secret';
const SUDO_PW = 'sudo-Secret-4711';
const CEPH = 'AQBcephSecretValue==';

/** The seed HA config with real SSH passwords (the fixture only says {set:true}). */
function seedWithSecrets(): InstallConfig {
  const c = seedConfig();
  for (const h of c.hosts) if (h.auth.kind === 'password') h.auth.password = { set: true, value: ROOT_PW };
  return c;
}

interface View {
  id: string;
  status: string;
  step: string;
  config: InstallConfig;
  errors: { path: string; message: string; code: string }[];
  warnings: unknown[];
}

let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

async function createSeed(): Promise<View> {
  const res = await callRoute(create, { method: 'POST', cookie, body: { name: 'prod', config: seedWithSecrets() } });
  expect(res.status).toBe(201);
  return res.json as View;
}

describe('installs API', () => {
  it('creates a default draft, lists it and returns it', async () => {
    const res = await callRoute(create, { method: 'POST', cookie, body: { name: 'empty one' } });
    expect(res.status).toBe(201);
    const view = res.json as View;
    expect(view).toMatchObject({ name: 'empty one', status: 'draft', step: 'hosts' });
    expect(view.errors.length).toBeGreaterThan(0);
    const all = await callRoute(list, { cookie });
    expect((all.json as { installs: unknown[] }).installs).toContainEqual(
      expect.objectContaining({ id: view.id, name: 'empty one', status: 'draft', hosts: 0 }),
    );
    const one = await callRoute(getOne, { cookie, params: { id: view.id } });
    expect(one.status).toBe(200);
    expect(Object.keys(one.json as object).sort()).toEqual(['config', 'createdAt', 'errors', 'id', 'name', 'status', 'step', 'updatedAt', 'warnings'].sort());
  });

  it('stores the seed config as ready, syncs nodes, and never returns or stores a secret value', async () => {
    const view = await createSeed();
    expect(view.errors).toEqual([]);
    expect(view.status).toBe('ready');
    const nodes = await getDb().node.findMany({ where: { installId: view.id }, orderBy: { name: 'asc' } });
    expect(nodes.map((n) => `${n.name}:${n.roles}`)).toEqual([
      'master1:master,etcd',
      'master2:master,etcd',
      'master3:master,etcd',
      'node1:worker',
      'node2:worker',
      'node3:worker',
    ]);
    // replace a sudo password and a ceph secret through PUT, as a draft
    const c = view.config;
    c.hosts[4] = { ...c.hosts[4], user: 'deploy', becomePassword: { set: true, value: SUDO_PW } } as InstallConfig['hosts'][0];
    c.storage.cephRbd.adminSecret = { set: true, value: CEPH };
    const put = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: c, draft: true, step: 'storage' } });
    expect(put.status).toBe(200);
    const got = await callRoute(getOne, { cookie, params: { id: view.id } });
    const lists = await callRoute(list, { cookie });
    for (const text of [put.text, got.text, lists.text]) {
      for (const secret of [ROOT_PW, SUDO_PW, CEPH]) expect(text).not.toContain(secret);
    }
    const gotView = got.json as View;
    expect(gotView.step).toBe('storage');
    expect(gotView.config.hosts[4]?.becomePassword).toEqual({ set: true });
    expect(gotView.config.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true } });
    const row = await getDb().install.findUniqueOrThrow({ where: { id: view.id } });
    for (const secret of [ROOT_PW, SUDO_PW, CEPH]) {
      expect(row.configJson).not.toContain(secret);
      expect(row.secretsEnc ?? '').not.toContain(secret);
    }
    // the run code, and only it, gets the values back
    const resolved = await resolveSecrets(view.id);
    expect(resolved.hosts[4]?.becomePassword).toEqual({ set: true, value: SUDO_PW });
    expect(resolved.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true, value: ROOT_PW } });
    expect(resolved.storage.cephRbd.adminSecret).toEqual({ set: true, value: CEPH });
  });

  it('keeps the login of an installer machine outside the cluster like a host login: sealed, {set} only, kept on save', async () => {
    const MACHINE_KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\ninstaller-key-body\n-----END OPENSSH PRIVATE KEY-----';
    const MACHINE_SUDO = 'installer-Sudo-0815';
    const view = await createSeed();
    const c = view.config;
    c.hosts.forEach((h) => (h.taskbox = false));
    c.installer.machine = {
      kind: 'external',
      address: '192.168.0.100',
      port: 2222,
      user: 'deploy',
      auth: { kind: 'key', privateKey: { set: true, value: MACHINE_KEY }, passphrase: { set: false } },
      becomePassword: { set: true, value: MACHINE_SUDO },
    };
    const put = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: c } });
    expect(put.status, put.text).toBe(200);
    const saved = put.json as View;
    expect(saved.errors).toEqual([]);
    expect(saved.config.installer.machine).toMatchObject({
      kind: 'external',
      auth: { kind: 'key', privateKey: { set: true }, passphrase: { set: false } },
      becomePassword: { set: true },
    });
    // saved again as the browser holds it ({set} markers): the stored values stay
    const again = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: saved.config } });
    expect(again.status).toBe(200);
    const hostsIni = await callRoute(download, { cookie, params: { id: view.id, file: 'hosts.ini' } });
    expect(hostsIni.text).toMatch(/^master1 +ansible_host=192\.168\.0\.1 /m);
    const row = await getDb().install.findUniqueOrThrow({ where: { id: view.id } });
    for (const text of [put.text, again.text, hostsIni.text, row.configJson, row.secretsEnc ?? '']) {
      for (const secret of ['installer-key-body', MACHINE_SUDO]) expect(text).not.toContain(secret);
    }
    const resolved = await resolveSecrets(view.id);
    expect(resolved.installer.machine).toMatchObject({
      auth: { privateKey: { set: true, value: MACHINE_KEY } },
      becomePassword: { set: true, value: MACHINE_SUDO },
    });
  });

  it('answers 422 with field paths for a config of the wrong shape', async () => {
    const view = await createSeed();
    const bad = structuredClone(view.config) as unknown as { hosts: Record<string, unknown>[] };
    bad.hosts[1] = { ...bad.hosts[1], ip: 42 };
    const res = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: bad } });
    expect(res.status).toBe(422);
    const body = res.json as { errors: { path: string; message: string }[]; warnings: unknown[] };
    expect(body.errors).toContainEqual(expect.objectContaining({ path: 'hosts.1.ip' }));
    expect(body.warnings).toEqual([]);
    const missing = await callRoute(create, { method: 'POST', cookie, body: { name: '' } });
    expect(missing.status).toBe(422);
    expect((missing.json as { errors: { path: string }[] }).errors[0]?.path).toBe('name');
  });

  it('refuses a config that breaks rules unless saved as a draft', async () => {
    const view = await createSeed();
    const c = view.config;
    c.hosts[3] = { ...c.hosts[3], roles: { master: false, etcd: true, worker: true } } as InstallConfig['hosts'][0]; // 4 etcd: even
    const refused = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: c, name: 'renamed' } });
    expect(refused.status).toBe(422);
    const body = refused.json as { errors: { path: string; message: string }[]; warnings: unknown[] };
    expect(body.errors.length).toBeGreaterThan(0);
    expect(Array.isArray(body.warnings)).toBe(true);
    const unchanged = (await callRoute(getOne, { cookie, params: { id: view.id } })).json as View & { name: string };
    expect(unchanged.name).toBe('prod');
    expect(unchanged.status).toBe('ready');
    const draft = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: c, draft: true } });
    expect(draft.status).toBe(200);
    const saved = draft.json as View;
    expect(saved.status).toBe('draft');
    expect(saved.errors.length).toBeGreaterThan(0);
  });

  it('clears a secret, and a rule then reports the missing credential', async () => {
    const view = await createSeed();
    const c = view.config;
    c.hosts[5] = { ...c.hosts[5], auth: { kind: 'password', password: { set: false } } } as InstallConfig['hosts'][0];
    const res = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: c, draft: true } });
    const saved = res.json as View;
    expect(saved.config.hosts[5]?.auth).toEqual({ kind: 'password', password: { set: false } });
    expect(saved.errors.some((e) => e.path.startsWith('hosts.5'))).toBe(true);
  });

  it('keeps every stored password through same-named hosts, a reload and a rename; refuses (422 at the field) to guess', async () => {
    const c = seedConfig();
    c.hosts.forEach((h, i) => (h.auth = { kind: 'password', password: { set: true, value: `pw-${i}-${ROOT_PW}` } }));
    const dupName = c.hosts[1]?.name ?? '';
    c.hosts[2] = { ...c.hosts[2], name: dupName } as InstallConfig['hosts'][0];
    const res = await callRoute(create, { method: 'POST', cookie, body: { name: 'same names', config: c } });
    expect(res.status).toBe(201);
    const { id } = res.json as View;
    const passwords = async () => (await resolveSecrets(id)).hosts.map((h) => (h.auth.kind === 'password' ? h.auth.password.value : undefined));
    expect(await passwords()).toEqual(c.hosts.map((_, i) => `pw-${i}-${ROOT_PW}`));

    // the page reloads (markers only), then the operator renames the second of the two
    const reloaded = (await callRoute(getOne, { cookie, params: { id } })).json as View;
    reloaded.config.hosts[2] = { ...reloaded.config.hosts[2], name: 'renamed-one' } as InstallConfig['hosts'][0];
    const put = await callRoute(PUT, { method: 'PUT', cookie, params: { id }, body: { config: reloaded.config, draft: true } });
    expect(put.status, put.text).toBe(200);
    expect((put.json as View).config.hosts.map((h) => h.auth)).toEqual(c.hosts.map(() => ({ kind: 'password', password: { set: true } })));
    expect(await passwords()).toEqual(c.hosts.map((_, i) => `pw-${i}-${ROOT_PW}`));

    // two same-named hosts again, and one of them removed: which password stays cannot be known
    const again = (await callRoute(getOne, { cookie, params: { id } })).json as View;
    again.config.hosts[4] = { ...again.config.hosts[4], name: again.config.hosts[3]?.name ?? '' } as InstallConfig['hosts'][0];
    expect((await callRoute(PUT, { method: 'PUT', cookie, params: { id }, body: { config: again.config, draft: true } })).status).toBe(200);
    const before = await passwords();
    const removed = (await callRoute(getOne, { cookie, params: { id } })).json as View;
    removed.config.hosts.splice(3, 1);
    const refused = await callRoute(PUT, { method: 'PUT', cookie, params: { id }, body: { config: removed.config, draft: true } });
    expect(refused.status).toBe(422);
    const errors = (refused.json as { errors: { path: string; message: string }[] }).errors;
    expect(errors.map((e) => e.path)).toEqual(['hosts.3.auth.password']);
    expect(errors[0]?.message).toMatch(/cannot tell which stored SSH password .* keeps.*enter it again/);
    expect(refused.text).not.toContain(ROOT_PW);
    expect(await passwords()).toEqual(before);
  });

  it('deletes an install (204) and then answers 404', async () => {
    const view = await createSeed();
    expect((await callRoute(DELETE, { method: 'DELETE', cookie, params: { id: view.id } })).status).toBe(204);
    expect((await callRoute(getOne, { cookie, params: { id: view.id } })).status).toBe(404);
    expect(await getDb().node.count({ where: { installId: view.id } })).toBe(0);
  });

  it('downloads hosts.ini and vars.yml with placeholders, and refuses while rules fail', async () => {
    const view = await createSeed();
    for (const file of ['hosts.ini', 'vars.yml']) {
      const res = await callRoute(download, { cookie, params: { id: view.id, file } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
      expect(res.text).not.toContain(ROOT_PW);
    }
    const hostsIni = await callRoute(download, { cookie, params: { id: view.id, file: 'hosts.ini' } });
    expect(hostsIni.text).toMatch(/\[kube-master\][\s\S]*master1/);
    const c = view.config;
    c.hosts[3] = { ...c.hosts[3], roles: { master: false, etcd: true, worker: true } } as InstallConfig['hosts'][0];
    await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: c, draft: true } });
    const refused = await callRoute(download, { cookie, params: { id: view.id, file: 'vars.yml' } });
    expect(refused.status).toBe(422);
    expect((refused.json as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it('refuses to change or delete an install while it is installing (409)', async () => {
    const view = await createSeed();
    await getDb().install.update({ where: { id: view.id }, data: { status: 'installing' } });
    const put = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: view.config, draft: true } });
    expect(put.status).toBe(409);
    expect((await callRoute(DELETE, { method: 'DELETE', cookie, params: { id: view.id } })).status).toBe(409);
    await getDb().install.update({ where: { id: view.id }, data: { status: 'failed' } });
    const again = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: view.config } });
    expect(again.status).toBe(200);
    expect((again.json as View).status).toBe('failed');
  });

  it('refuses to change or delete an installed install while a day-2 operation runs on it (409 naming the run)', async () => {
    const view = await createSeed();
    await getDb().install.update({ where: { id: view.id }, data: { status: 'installed' } });
    const run = await getDb().run.create({ data: { installId: view.id, mode: 'full', status: 'running', operation: 'remove-node', targetsJson: '["node3"]' } });
    const put = await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: view.config, draft: true } });
    expect(put.status).toBe(409);
    expect(put.json).toMatchObject({
      error: expect.stringMatching(/^Run 1 is removing a worker on this install, so the settings cannot change until it ends/) as unknown,
      run: { id: run.id, installId: view.id, label: 'Run 1' },
    });
    const del = await callRoute(DELETE, { method: 'DELETE', cookie, params: { id: view.id } });
    expect(del.status).toBe(409);
    expect((del.json as { error: string }).error).toMatch(/so the install cannot be deleted until it ends/);
    await getDb().run.update({ where: { id: run.id }, data: { status: 'succeeded' } });
    expect((await callRoute(PUT, { method: 'PUT', cookie, params: { id: view.id }, body: { config: view.config, draft: true } })).status).toBe(200);
  });
});
