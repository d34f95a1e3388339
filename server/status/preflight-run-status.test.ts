import { describe, expect, it } from 'vitest';
import { getDb } from '../db';
import { useFreshDatabase } from '../test-support/fresh-db';
import { endPreflightRun, failOrphanedPreflightRuns } from './preflight-run-status';

useFreshDatabase();

async function runningCheck(): Promise<string> {
  const install = await getDb().install.create({ data: { name: `i-${Math.random()}`, status: 'draft', configJson: '{}' } });
  return (await getDb().preflightRun.create({ data: { installId: install.id, hostsJson: '[]' } })).id;
}

describe('preflight run status writes', () => {
  it('ends a running check once: a late end of a run closed as stale changes nothing', async () => {
    const id = await runningCheck();
    expect(await endPreflightRun(id, 'failed')).toBe(true);
    expect(await endPreflightRun(id, 'passed')).toBe(false);
    expect((await getDb().preflightRun.findUniqueOrThrow({ where: { id } })).status).toBe('failed');
  });

  it('fails every run left running by a previous process, and only those', async () => {
    const ended = await runningCheck();
    await endPreflightRun(ended, 'warned');
    const orphan = await runningCheck();
    expect(await failOrphanedPreflightRuns()).toBe(1);
    expect((await getDb().preflightRun.findUniqueOrThrow({ where: { id: orphan } })).status).toBe('failed');
    expect((await getDb().preflightRun.findUniqueOrThrow({ where: { id: ended } })).status).toBe('warned');
  });
});
