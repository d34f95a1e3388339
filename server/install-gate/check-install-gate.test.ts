/**
 * The install gate against the real (SQLite) database: the preflight records each host's login
 * fingerprint (the gateN hosts' SSH logins are refused, on closed loopback ports, and the run is
 * then marked passed as a clean run would be), and a later edit of a password, key, sudo password
 * or user refuses the install with 409 naming the host, on POST /api/installs/:id/runs and on
 * GET /api/installs/:id/install-gate. Runs stored before logins were recorded do not cover.
 * Where the gate must open, the config also has a taskbox: one lab host holding a copy of the lab
 * bundle, which the gate looks at again over SSH (server/preflight/recheck-taskbox-bundle.ts, asked by server/install-gate/load-gate-facts.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultHost } from '@/lib/config/defaults';
import type { InstallConfig } from '@/lib/config/schema';
import { useLab } from '@/lab/fixture';
import { POST as startRun } from '@/app/api/installs/[id]/runs/route';
import { GET as getGate } from '@/app/api/installs/[id]/install-gate/route';
import { getDb } from '../db';
import { HttpError } from '../http/errors';
import { checkInstallConfig } from '../installs/check-install-config';
import { createInstall } from '../installs/create-install';
import { updateInstall } from '../installs/update-install';
import { newLabConfig } from '../lab/lab-hosts-config';
import { getPreflightRun } from '../preflight/get-preflight';
import { startPreflight, waitForPreflight } from '../preflight/run-preflight';
import { placeLabBundle, removeRemoteDir, uniqueRemoteDir } from '../preflight/testing/remote-bundle';
import { parseCheckedHosts } from '../preflight/view';
import { adminCookie, callRoute } from '../test-support/api-client';
import { useFreshDatabase } from '../test-support/fresh-db';
import { assertInstallGate, checkInstallGate } from './check-install-gate';

useFreshDatabase();
const lab = useLab(1);
const bundleDir = uniqueRemoteDir();
let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
  await placeLabBundle(lab.target(0), bundleDir);
});
afterAll(async () => {
  await removeRemoteDir(lab.target(0), bundleDir).catch(() => undefined);
});

const PASSWORD = 'Sw0rdfish-login-secret';
const KEY = '-----BEGIN OPENSSH PRIVATE KEY-----\nSw0rdfish-key-secret\n-----END OPENSSH PRIVATE KEY-----\n';
const SUDO = 'sudo-Sw0rdfish-secret';

/**
 * Three hosts on loopback port 1 (nothing listens: every SSH login is refused at once), user "ops":
 * gate1 and gate2 log in with a password (also their sudo password, as the rules want), gate3 with
 * a key and its own sudo password.
 */
function config(): InstallConfig {
  const hosts = ['gate1', 'gate2', 'gate3'].map((name, i) => ({ name, address: `127.0.0.${201 + i}`, port: 1 }));
  const c = newLabConfig(
    hosts,
    { user: 'ops', auth: { kind: 'password', password: { set: true, value: PASSWORD } }, becomePassword: { set: true, value: PASSWORD } },
    'last-host-works',
  );
  host(c, 'gate3').auth = { kind: 'key', privateKey: { set: true, value: KEY }, passphrase: { set: false } };
  host(c, 'gate3').becomePassword = { set: true, value: SUDO };
  c.loadBalancer = { kind: 'external', address: '127.0.0.201', port: 6443, domain: 'lb.kubesphere.local' };
  c.storage.localVolume = { ...c.storage.localVolume, enabled: false, isDefault: false };
  c.storage.nfs = { enabled: true, isDefault: true, server: '127.0.0.201', path: '/srv/nfs' };
  return c;
}

/** config() plus a worker "taskbox": a lab host (its own login) holding the lab bundle at bundleDir. */
function withTaskbox(c: InstallConfig): InstallConfig {
  const h = lab.host(0);
  for (const other of c.hosts) other.taskbox = false;
  c.hosts.push(
    defaultHost({
      name: 'taskbox',
      taskbox: true,
      address: h.address,
      ip: h.address,
      port: h.port,
      user: lab.state.user,
      auth: { kind: 'password', password: { set: true, value: lab.state.password } },
      becomePassword: { set: true, value: lab.state.password },
      roles: { master: false, etcd: false, worker: true },
    }),
  );
  c.installer = { ...c.installer, profile: 'lab', bundlePath: bundleDir };
  return c;
}

/** config() run from a lab host outside the cluster (its own login), holding the lab bundle at bundleDir. */
function withExternalInstaller(c: InstallConfig): InstallConfig {
  const h = lab.host(0);
  for (const other of c.hosts) other.taskbox = false;
  const login = { set: true, value: lab.state.password } as const;
  c.installer = {
    profile: 'lab',
    bundlePath: bundleDir,
    machine: { kind: 'external', address: h.address, port: h.port, user: lab.state.user, auth: { kind: 'password', password: login }, becomePassword: login },
  };
  return c;
}

/** The config as the browser sends it back: every secret a `{set}` marker (keep the stored value). */
function redacted(c: InstallConfig): InstallConfig {
  const r = structuredClone(c);
  for (const h of r.hosts) {
    if (h.auth.kind === 'password') h.auth.password = { set: h.auth.password.set };
    if (h.auth.kind === 'key') h.auth = { kind: 'key', privateKey: { set: h.auth.privateKey.set }, passphrase: { set: h.auth.passphrase.set } };
    h.becomePassword = { set: h.becomePassword.set };
  }
  return r;
}

/** A real preflight run (refused logins; the taskbox's key trusted on first use, as "trust new keys" asks), then marked passed as if every check had passed. */
async function checkedAndPassed(id: string): Promise<string> {
  const runId = await startPreflight(id, { trustNewKeys: true });
  await waitForPreflight(runId);
  await getDb().preflightRun.update({ where: { id: runId }, data: { status: 'passed' } });
  await getDb().preflightResult.deleteMany({ where: { runId } });
  return runId;
}

function host(c: InstallConfig, name: string) {
  const h = c.hosts.find((x) => x.name === name);
  if (!h) throw new Error(`no host ${name}`);
  return h;
}

type Refusal = { error: string; gate: { code: string; loginChanged: string[]; hostsChanged: string[] } };
const start = (id: string) => callRoute(startRun, { method: 'POST', cookie, params: { id }, body: { stages: ['write-config'], acknowledgeWarnings: true } });

describe('install gate: login details changed after the host check', () => {
  it('the preflight records a fingerprint per host and no secret value', async () => {
    expect(checkInstallConfig(config()).errors).toEqual([]);
    const { id } = await createInstall({ name: 'login-gate-record', config: config() });
    const runId = await startPreflight(id);
    await waitForPreflight(runId);
    const run = await getDb().preflightRun.findUniqueOrThrow({ where: { id: runId } });
    for (const secret of [PASSWORD, 'Sw0rdfish', SUDO]) expect(run.hostsJson).not.toContain(secret);
    const { targets } = parseCheckedHosts(run.hostsJson);
    expect(targets?.map((t) => t.login && { user: t.login.user, address: t.login.address, port: t.login.port, auth: t.login.auth })).toEqual([
      { user: 'ops', address: '127.0.0.201', port: 1, auth: 'password' },
      { user: 'ops', address: '127.0.0.202', port: 1, auth: 'password' },
      { user: 'ops', address: '127.0.0.203', port: 1, auth: 'key' },
    ]);
  });

  it('passes while the logins are unchanged (saving the same secrets again included), refuses each kind of edit naming the host', async () => {
    const c = withTaskbox(config());
    const { id } = await createInstall({ name: 'login-gate', config: c });
    const runId = await checkedAndPassed(id);
    expect(await checkInstallGate(id, false)).toMatchObject({ ok: true, code: 'ok', preflightRunId: runId, loginChanged: [] });

    await updateInstall(id, { config: redacted(c) }); // the wizard saved again without touching a secret
    expect((await checkInstallGate(id, false)).ok).toBe(true);
    await updateInstall(id, { config: c }); // the same values typed in again
    expect((await checkInstallGate(id, false)).ok).toBe(true);

    const password = (x: InstallConfig, name: string, value: string) => {
      host(x, name).auth = { kind: 'password', password: { set: true, value } };
      host(x, name).becomePassword = { set: true, value };
    };
    const edits: [string, string, (x: InstallConfig) => void][] = [
      ['SSH (and sudo) password', 'gate2', (x) => password(x, 'gate2', 'another password')],
      ['user', 'gate2', (x) => void (host(x, 'gate2').user = 'root')],
      ['sudo password', 'gate3', (x) => void (host(x, 'gate3').becomePassword = { set: true, value: 'another sudo' })],
      [
        'private key',
        'gate3',
        (x) => void (host(x, 'gate3').auth = { kind: 'key', privateKey: { set: true, value: 'another key' }, passphrase: { set: false } }),
      ],
      [
        'key passphrase',
        'gate3',
        (x) => void (host(x, 'gate3').auth = { kind: 'key', privateKey: { set: true }, passphrase: { set: true, value: 'another passphrase' } }),
      ],
      ['auth kind', 'gate3', (x) => password(x, 'gate3', 'another password')],
    ];
    for (const [what, name, edit] of edits) {
      const changed = redacted(c);
      edit(changed);
      await updateInstall(id, { config: changed });
      const gate = await checkInstallGate(id, true);
      expect(gate, what).toMatchObject({ ok: false, code: 'login-changed', loginChanged: [name], hostsChanged: [] });
      expect(gate.message).toBe(`The login details of ${name} changed after the last host check; run the checks again.`);

      const refused = await start(id);
      expect(refused.status, `${what}: ${refused.text}`).toBe(409);
      expect((refused.json as Refusal).error).toBe(gate.message);
      expect((refused.json as Refusal).gate).toMatchObject({ code: 'login-changed', loginChanged: [name] });
      await expect(assertInstallGate(id, true)).rejects.toBeInstanceOf(HttpError);

      const page = await callRoute(getGate, { cookie, params: { id } });
      expect(page.status).toBe(200);
      expect(page.json).toMatchObject({ ok: false, code: 'login-changed', message: gate.message, preflightRunId: runId });
      expect(page.text).not.toContain('another');
      await updateInstall(id, { config: c }); // back to the checked login: covered again
      expect((await checkInstallGate(id, true)).ok, what).toBe(true);
    }

    // several hosts
    const two = redacted(c);
    password(two, 'gate1', 'x');
    host(two, 'gate3').becomePassword = { set: true, value: 'y' };
    await updateInstall(id, { config: two });
    expect((await checkInstallGate(id, true)).message).toBe('The login details of gate1, gate3 changed after the last host check; run the checks again.');

    // checking again covers the new logins
    await checkedAndPassed(id);
    expect((await checkInstallGate(id, true)).ok).toBe(true);
  });

  it('a run stored before logins were recorded does not cover the hosts', async () => {
    const { id } = await createInstall({ name: 'login-gate-old', config: config() });
    const runId = await checkedAndPassed(id);
    const run = await getDb().preflightRun.findUniqueOrThrow({ where: { id: runId } });
    const old = (parseCheckedHosts(run.hostsJson).targets ?? []).map(({ login: _login, ...target }) => target);
    await getDb().preflightRun.update({ where: { id: runId }, data: { hostsJson: JSON.stringify(old) } });
    const gate = await checkInstallGate(id, true);
    expect(gate).toMatchObject({ ok: false, code: 'login-changed', loginChanged: ['gate1', 'gate2', 'gate3'] });
    expect(gate.message).toMatch(/did not record the login details of gate1, gate2, gate3 .*run the checks again/);
  });
});

describe('install gate: the installer bundle is judged again at install time', () => {
  it('refuses when the bundle path was changed to one without a bundle on the taskbox after a passing check', async () => {
    const c = withTaskbox(config());
    const { id } = await createInstall({ name: 'bundle-gate', config: c });
    await checkedAndPassed(id);
    expect((await checkInstallGate(id, true)).ok).toBe(true);

    const moved = redacted(c);
    moved.installer = { ...moved.installer, bundlePath: '/nonexistent/ks-bundle' };
    await updateInstall(id, { config: moved });
    const gate = await checkInstallGate(id, true);
    expect(gate).toMatchObject({ ok: false, code: 'installer-bundle' });
    expect(gate.message).toMatch(/^No installer bundle on the taskbox taskbox at \/nonexistent\/ks-bundle \(bundlePath\)\./);
    const res = await start(id);
    expect(res.status).toBe(409);
    expect((res.json as Refusal).gate.code).toBe('installer-bundle');
    expect(await getDb().run.count({ where: { installId: id } })).toBe(0);
  });
});

describe('install gate: hosts that another install has run on', () => {
  it('need the warnings acknowledgement, named in the message; a never-run draft elsewhere does not', async () => {
    const { id } = await createInstall({ name: 'cross-a', config: withTaskbox(config()) });
    await checkedAndPassed(id);
    const other = await createInstall({ name: 'cross-b', config: config() });
    expect((await checkInstallGate(id, false)).ok).toBe(true); // a draft that never ran is only a note

    await getDb().install.update({ where: { id: other.id }, data: { status: 'installed' } });
    const gate = await checkInstallGate(id, false);
    expect(gate).toMatchObject({ ok: false, code: 'warnings-not-acknowledged' });
    expect(gate.crossInstall.length).toBeGreaterThan(0);
    expect(gate.crossInstall[0]).toMatch(/in install "cross-b" \(installed/);
    expect(gate.message).toMatch(/^Hosts of another install: .*cross-b.* acknowledge them to install/);
    const refused = await callRoute(startRun, { method: 'POST', cookie, params: { id }, body: { stages: ['write-config'] } });
    expect(refused.status).toBe(409);
    expect((refused.json as Refusal).gate.code).toBe('warnings-not-acknowledged');
    expect(await checkInstallGate(id, true)).toMatchObject({ ok: true, code: 'ok' });
  });
});

describe('install gate: an installer machine outside the cluster', () => {
  it("is checked under 'installer' and covered by login; a run without it, a changed login or no bundle there refuses", async () => {
    const c = withExternalInstaller(config());
    expect(checkInstallConfig(c).errors).toEqual([]);
    const { id } = await createInstall({ name: 'external-gate', config: c });

    // a partial check may name it, and then checks the taskbox's part only
    const only = await startPreflight(id, { hosts: ['installer'], trustNewKeys: true });
    await waitForPreflight(only);
    const view = await getPreflightRun(only);
    expect(view.hosts.map((h) => [h.name, h.installerMachine])).toEqual([['installer', true]]);
    expect(view.hosts[0]?.checks.map((x) => x.id)).toEqual(['ssh', 'sudo', 'installer-bundle', 'installer-ansible', 'taskbox-ssh', 'installer-disk']);
    expect(view.cluster.checks).toEqual([]);
    expect(await getDb().hostKey.findMany({ where: { installId: id }, select: { host: true, address: true } })).toEqual([
      { host: 'installer', address: `${lab.host(0).address}:${lab.host(0).port}` },
    ]);
    expect(await checkInstallGate(id, true)).toMatchObject({
      ok: false,
      code: 'hosts-changed',
      message: 'The last check covered the installer machine only: check all hosts ("Check hosts") before installing.',
    });

    const runId = await checkedAndPassed(id);
    const { targets } = parseCheckedHosts((await getDb().preflightRun.findUniqueOrThrow({ where: { id: runId } })).hostsJson);
    expect(targets?.map((t) => [t.name, t.installerMachine, t.login?.user])).toEqual([
      ['gate1', undefined, 'ops'],
      ['gate2', undefined, 'ops'],
      ['gate3', undefined, 'ops'],
      ['installer', true, lab.state.user],
    ]);
    expect(await checkInstallGate(id, true)).toMatchObject({ ok: true, code: 'ok' });

    const changed = structuredClone(c);
    if (changed.installer.machine.kind === 'external') changed.installer.machine.becomePassword = { set: true, value: 'another sudo' };
    await updateInstall(id, { config: changed });
    const gate = await checkInstallGate(id, true);
    expect(gate).toMatchObject({
      ok: false,
      code: 'login-changed',
      loginChanged: ['installer'],
      message: 'The login details of the installer machine changed after the last host check; run the checks again.',
    });
    expect((await start(id)).status).toBe(409);
    await updateInstall(id, { config: c });
    expect((await checkInstallGate(id, true)).ok).toBe(true);

    // a check that did not cover it: the picture (newest full check + later re-checks, picture.ts)
    // then takes the installer machine from the older partial check above, which failed its SSH
    // probes (the gate hosts listen nowhere): still refused, naming the installer machine
    const without = (targets ?? []).filter((t) => !t.installerMachine);
    await getDb().preflightRun.update({ where: { id: runId }, data: { hostsJson: JSON.stringify(without) } });
    const uncovered = await checkInstallGate(id, true);
    expect(uncovered).toMatchObject({ ok: false, code: 'checks-failed', failing: [{ host: 'installer', checks: ['taskbox-ssh'] }] });
    expect(uncovered.message).toContain('the installer machine (SSH from the taskbox)');
    await checkedAndPassed(id);

    const moved = structuredClone(c);
    moved.installer.bundlePath = '/nonexistent/ks-bundle';
    await updateInstall(id, { config: moved });
    const bundle = await checkInstallGate(id, true);
    expect(bundle).toMatchObject({ ok: false, code: 'installer-bundle' });
    expect(bundle.message).toMatch(/^No installer bundle on the installer machine at \/nonexistent\/ks-bundle \(bundlePath\)\./);
  });

  it('a cluster host named installer is refused while the installer machine is outside the cluster', async () => {
    const c = withExternalInstaller(config());
    host(c, 'gate3').name = 'installer';
    const { id } = await createInstall({ name: 'external-clash', config: c });
    await expect(startPreflight(id)).rejects.toThrow(/named "installer"/);
  });
});

describe('the internal load balancer', () => {
  it('its hosts are checked like every host: a check covers them, and the gate names the LB hosts that failed', async () => {
    const { seedInternalLbConfig } = await import('@/lib/config/fixtures');
    const install = await createInstall({ name: 'gate-internal-lb', config: seedInternalLbConfig() });
    const before = await checkInstallGate(install.id, true);
    expect(before).toMatchObject({ ok: false, code: 'no-preflight' });
    const runId = await startPreflight(install.id);
    await waitForPreflight(runId);
    const view = await getPreflightRun(runId);
    expect(view.hosts.map((h) => h.name)).toEqual(expect.arrayContaining(['lb1', 'lb2']));
    const checked = parseCheckedHosts((await getDb().preflightRun.findUniqueOrThrow({ where: { id: runId } })).hostsJson);
    expect(checked.targets?.filter((t) => t.lbHost).map((t) => [t.name, t.roles])).toEqual([
      ['lb1', { master: false, etcd: false, worker: false }],
      ['lb2', { master: false, etcd: false, worker: false }],
    ]);
    const gate = await checkInstallGate(install.id, true);
    expect(gate).toMatchObject({ ok: false, code: 'checks-failed' });
    expect(gate.failing.map((h) => h.host)).toEqual(expect.arrayContaining(['lb1', 'lb2']));
    expect(gate.message).toContain('LB host lb1 (SSH login)');
    const res = await callRoute(getGate, { method: 'GET', params: { id: install.id }, cookie });
    expect(res.json).toMatchObject({ ok: false, code: 'checks-failed' });
  }, 60_000);
});
