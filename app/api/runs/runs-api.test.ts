/**
 * The runs API without Ansible: a `write-config`-only run of a lab-profile install on 3 lab hosts,
 * started after a REAL preflight of those hosts (the install gate, see install-gate.test.ts),
 * plus the refusals (401, 404, 409, 422). The Ansible paths are covered by server/runner/run-lab.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useLab } from '@/lab/fixture';
import { getDb } from '@/server/db';
import { startPreflight, waitForPreflight } from '@/server/preflight/run-preflight';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { getRunner } from '@/server/runner/runner';
import { createLabInstall } from '@/server/runner/test-support/lab-install';
import { GET as listRuns, POST as startRun } from '../installs/[id]/runs/route';
import { POST as cancel } from './[id]/cancel/route';
import { GET as readLog } from './[id]/log/route';
import { POST as retry } from './[id]/retry/route';
import { GET as getRun } from './[id]/route';

const lab = useLab(3);
let PASSWORD = '';
let cookie = '';
let installId = '';
let preflightStatus = '';

beforeAll(async () => {
  cookie = await adminCookie();
  PASSWORD = lab.state.password;
  installId = await createLabInstall(lab.state, lab.hosts, 'api-runs');
  const preflightId = await startPreflight(installId, { trustNewKeys: true }); // the operator's "trust new keys"
  await waitForPreflight(preflightId);
  preflightStatus = (await getDb().preflightRun.findUniqueOrThrow({ where: { id: preflightId } })).status;
});

describe('runs API', () => {
  it('refuses without a session and for unknown ids', async () => {
    expect((await callRoute(startRun, { method: 'POST', params: { id: installId }, body: {} })).status).toBe(401);
    expect((await callRoute(getRun, { cookie, params: { id: 'nope' } })).status).toBe(404);
    expect((await callRoute(startRun, { method: 'POST', cookie, params: { id: 'nope' }, body: {} })).status).toBe(404);
  });

  it('validates stages, hosts and extra vars', async () => {
    const bad = await callRoute(startRun, { method: 'POST', cookie, params: { id: installId }, body: { stages: ['nope'] } });
    expect(bad.status).toBe(422);
    const host = await callRoute(startRun, { method: 'POST', cookie, params: { id: installId }, body: { hosts: ['zz'] } });
    expect(host.status).toBe(422);
    const secretish = await callRoute(startRun, { method: 'POST', cookie, params: { id: installId }, body: { extraVars: { ansible_become_pass: 'x' } } });
    expect(secretish.status).toBe(422);
  });

  it('starts a run (202), shows it, streams its log as NDJSON and lists the history', async () => {
    expect(preflightStatus).toMatch(/^(passed|warned)$/);
    const res = await callRoute(startRun, { method: 'POST', cookie, params: { id: installId }, body: { stages: ['write-config'], acknowledgeWarnings: true } });
    expect(res.status).toBe(202);
    const { runId } = res.json as { runId: string };
    await getRunner().settled(runId);
    const view = await callRoute(getRun, { cookie, params: { id: runId } });
    expect(view.status).toBe(200);
    if ((view.json as { status: string }).status !== 'succeeded') console.log(view.text.slice(0, 800));
    expect(view.json).toMatchObject({ status: 'succeeded', parentRunId: null, stages: [{ name: 'write-config', status: 'succeeded', hosts: [] }] });
    expect(view.text).not.toContain(PASSWORD);

    const log = await callRoute(readLog, { cookie, params: { id: runId }, path: `/api/runs/${runId}/log?after=0` });
    expect(log.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = log.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { seq: number; stage: string; text: string });
    expect(lines.map((l) => l.seq)).toEqual(lines.map((_, i) => i + 1));
    expect(lines.map((l) => l.text)).toContain('wrote conf/hosts.ini');
    expect(log.text).not.toContain(PASSWORD);
    const after = await callRoute(readLog, { cookie, params: { id: runId }, path: `/api/runs/${runId}/log?after=${lines.length - 1}` });
    expect(after.text.trim().split('\n')).toHaveLength(1);
    expect((await callRoute(readLog, { cookie, params: { id: runId }, path: `/api/runs/${runId}/log?after=x` })).status).toBe(400);

    const retried = await callRoute(retry, { method: 'POST', cookie, params: { id: runId }, body: { mode: 'failed' } });
    expect(retried.status).toBe(409);
    const rerun = await callRoute(retry, { method: 'POST', cookie, params: { id: runId }, body: { mode: 'stage', stage: 'write-config' } });
    expect(rerun.status).toBe(202);
    const rerunId = (rerun.json as { runId: string }).runId;
    await getRunner().settled(rerunId);
    expect((await callRoute(cancel, { method: 'POST', cookie, params: { id: rerunId } })).status).toBe(409);

    const history = await callRoute(listRuns, { cookie, params: { id: installId } });
    const runs = history.json as { id: string; parentRunId: string | null; mode: string }[];
    expect(runs.map((r) => [r.id, r.parentRunId, r.mode])).toEqual([
      [rerunId, runId, 'stage'],
      [runId, null, 'full'],
    ]);
  });
});
