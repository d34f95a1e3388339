/**
 * The install gate on POST /api/installs/:id/runs, with REAL preflight runs on 3 lab hosts:
 * no preflight → 409; a failing check → 409 naming the host and the check; hosts changed since the
 * check → 409 until that host is checked again (a re-check of one host completes the picture); a login (password) edited after the check → 409 naming the host; warnings (Debian
 * is not in the supported OS list) without acknowledgement → 409, with it → 202; config rule errors
 * → 422. Retries of a gated run are not gated again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import type { InstallConfig } from '@/lib/config/schema';
import { getDb } from '@/server/db';
import { saveInstallConfig } from '@/server/installs/save-install-config';
import { startPreflight, waitForPreflight } from '@/server/preflight/run-preflight';
import { getRunner } from '@/server/runner/runner';
import { labConfig } from '@/server/runner/test-support/lab-config';
import { createInstall } from '@/server/installs/create-install';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { POST as startRun } from '../installs/[id]/runs/route';
import { POST as retry } from './[id]/retry/route';
import { GET as getRun } from './[id]/route';

const lab = useLab(3);
const BAD_IP = '10.99.0.2';
let cookie = '';

beforeAll(async () => {
  cookie = await adminCookie();
});

async function saveConfig(id: string, config: InstallConfig): Promise<void> {
  await getDb().$transaction(async (tx) => {
    const row = await tx.install.findUniqueOrThrow({ where: { id } });
    await saveInstallConfig(tx, row, { config, refuseErrors: false });
  });
}

async function preflight(id: string): Promise<string> {
  // "trust new keys" for the lab's hosts: this file is about the gate, not the keys
  const runId = await startPreflight(id, { trustNewKeys: true });
  await waitForPreflight(runId);
  const run = await getDb().preflightRun.findUniqueOrThrow({ where: { id: runId } });
  return run.status;
}

type Refusal = {
  error: string;
  gate: { ok: boolean; code: string; failing: { host: string; checks: string[] }[]; hostsChanged: string[]; loginChanged: string[] };
};
function hostAt<T>(list: T[], i: number): T {
  const h = list[i];
  if (!h) throw new Error(`no host #${i}`);
  return h;
}

const start = (id: string, body: unknown) => callRoute(startRun, { method: 'POST', cookie, params: { id }, body });

describe('install gate (POST /api/installs/:id/runs)', () => {
  it('refuses without a preflight, with a failing one, after a host change and with unacknowledged warnings; starts with the acknowledgement', async () => {
    const config = labConfig(lab.state, lab.hosts);
    const bad = hostAt(lab.hosts, 1).name;
    const broken = structuredClone(config);
    hostAt(broken.hosts, 1).ip = BAD_IP;
    const { id } = await createInstall({ name: 'gate', config: broken });

    const none = await start(id, { stages: ['write-config'] });
    expect(none.status).toBe(409);
    expect((none.json as Refusal).gate).toMatchObject({ ok: false, code: 'no-preflight' });
    expect((none.json as Refusal).error).toMatch(/not been checked yet/);

    expect(await preflight(id)).toBe('failed');
    const failed = await start(id, { stages: ['write-config'], acknowledgeWarnings: true });
    expect(failed.status).toBe(409);
    const refusal = failed.json as Refusal;
    expect(refusal.gate.code).toBe('checks-failed');
    expect(refusal.gate.failing).toContainEqual({ host: bad, checks: ['ip-local'] });
    expect(refusal.error).toContain(`${bad} (Internal IP on the host)`);
    expect(refusal.error).toMatch(/Fix them and check the hosts again/);

    await saveConfig(id, config); // the fix: lab2's ip back to its own address
    const changed = await start(id, { stages: ['write-config'], acknowledgeWarnings: true });
    expect(changed.status).toBe(409);
    expect((changed.json as Refusal).gate).toMatchObject({ code: 'hosts-changed', hostsChanged: [bad] });
    expect((changed.json as Refusal).error).toMatch(/hosts changed since the last check .*check them again/i);

    // a re-check of that host updates it in the latest picture: every host is covered as it is now;
    // on the lab's real network the other hosts' reachability of the wrong address failed in the
    // full check, and only their own re-check clears that
    const one = await startPreflight(id, { hosts: [bad], trustNewKeys: true });
    await waitForPreflight(one);
    const partial = await start(id, { stages: ['write-config'] });
    expect(partial.status).toBe(409);
    const partialGate = (partial.json as Refusal).gate;
    expect(partialGate).toMatchObject({ code: 'checks-failed', hostsChanged: [], loginChanged: [] });
    expect(partialGate.failing.length).toBeGreaterThan(0);
    for (const f of partialGate.failing) expect(f).toEqual({ host: expect.not.stringMatching(new RegExp(`^${bad}$`)), checks: ['peers'] });

    expect(await preflight(id)).toBe('warned'); // Debian: OS not in the supported list
    const unacked = await start(id, { stages: ['write-config'] });
    expect(unacked.status).toBe(409);
    expect((unacked.json as Refusal).gate.code).toBe('warnings-not-acknowledged');
    expect((unacked.json as Refusal).error).toMatch(/^The host checks left warnings: lab\d+ \(Operating system/);
    expect((await start(id, { stages: ['write-config'], acknowledgeWarnings: false })).status).toBe(409);

    // the same hosts, but a login edited after the check: refused, naming the host, until it is back as checked
    const first = hostAt(config.hosts, 0).name;
    const relogin = structuredClone(config);
    hostAt(relogin.hosts, 0).auth = { kind: 'password', password: { set: true, value: 'not the checked password' } };
    hostAt(relogin.hosts, 0).becomePassword = { set: true, value: 'not the checked password' };
    await saveConfig(id, relogin);
    const stale = await start(id, { stages: ['write-config'], acknowledgeWarnings: true });
    expect(stale.status).toBe(409);
    expect((stale.json as Refusal).gate).toMatchObject({ code: 'login-changed', loginChanged: [first] });
    expect((stale.json as Refusal).error).toBe(`The login details of ${first} changed after the last host check; run the checks again.`);
    await saveConfig(id, config);

    const acked = await start(id, { stages: ['write-config'], acknowledgeWarnings: true });
    expect(acked.status, acked.text).toBe(202);
    const { runId } = acked.json as { runId: string };
    await getRunner().settled(runId);
    expect(((await callRoute(getRun, { cookie, params: { id: runId } })).json as { status: string }).status).toBe('succeeded');

    // a retry continues the gated chain: not gated again, even after the hosts changed
    const moved = structuredClone(config);
    hostAt(moved.hosts, 0).roles.worker = true;
    await saveConfig(id, moved);
    expect((await start(id, { stages: ['write-config'], acknowledgeWarnings: true })).status).toBe(409);
    const rerun = await callRoute(retry, { method: 'POST', cookie, params: { id: runId }, body: { mode: 'stage', stage: 'write-config' } });
    expect(rerun.status, rerun.text).toBe(202);
    await getRunner().settled((rerun.json as { runId: string }).runId);
  });

  it('refuses a config with rule errors (422 with the errors), before the preflight gate', async () => {
    const config = labConfig(lab.state, lab.hosts);
    hostAt(config.hosts, 1).name = hostAt(config.hosts, 0).name; // duplicate host names
    const { id } = await createInstall({ name: 'gate-invalid', config });
    const res = await start(id, { acknowledgeWarnings: true });
    expect(res.status).toBe(422);
    expect((res.json as { errors: { path: string; message: string }[] }).errors.length).toBeGreaterThan(0);
  });
});
