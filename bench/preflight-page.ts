/**
 * Preflight page benchmark: `npm run bench:preflight-page [-- --hosts 100]`.
 *
 * The app's real server (the production build, `npm run build` first) serves the preflight page of
 * an install with N lab hosts to headless Chromium (/usr/bin/chromium via playwright-core); the bench
 * clicks "Check hosts" and reports, from inside the page: when the summary left "Checking…" (every
 * result shown), the longest gap between two animation frames while results streamed in, and the
 * number of frames. Server, lab sshd, sudo and Chromium share this machine's cores. Throw-away data
 * dir and DB; the lab is left up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { framesProbe, launchChromium, loggedInPage, migrateThrowawayDatabase, numberArg, readFrames, useThrowawayDataDir } from './support';

const HOSTS = numberArg('hosts', 100);
const dataDir = useThrowawayDataDir('ksw-bench-page-');

// Resolves (in the page) with the moment the summary stops saying "Checking": every result is shown.
const SUMMARY_DONE = `new Promise((resolve) => {
  const tick = () => {
    const text = document.querySelector('[data-testid="preflight-summary"]')?.textContent ?? '';
    if (text !== '' && !text.startsWith('Checking')) resolve(Date.now());
    else requestAnimationFrame(tick);
  };
  tick();
})`;

async function main(): Promise<void> {
  if (!fs.existsSync(path.resolve('.next/BUILD_ID'))) throw new Error('run `npm run build` first (the bench serves the production build)');
  const { getDb } = await import('../server/db');
  const { labUp } = await import('../lab/lab');
  const { startServer } = await import('../server/start-server');
  const { createSession } = await import('../server/auth/create-session');
  const { SESSION_COOKIE } = await import('../server/auth/session-cookie');
  const { hashPassword } = await import('../server/auth/hash-password');
  const { createLabInstall } = await import('../server/runner/test-support/lab-install');

  await migrateThrowawayDatabase();
  const up = await labUp({ hosts: HOSTS, owner: 'cli' });
  const hosts = up.state.hosts.filter((h) => h.faults.length === 0 && h.takenPorts.length === 0).slice(0, HOSTS);
  if (hosts.length < HOSTS) throw new Error(`only ${hosts.length} healthy lab hosts`);

  const running = await startServer({ dev: false, port: 0, host: '127.0.0.1', log: () => undefined });
  const base = `http://127.0.0.1:${(running.httpServer.address() as { port: number }).port}`;
  await getDb().admin.upsert({ where: { id: 1 }, create: { id: 1, passwordHash: await hashPassword('bench-password-1') }, update: {} });
  const token = await createSession();
  const installId = await createLabInstall(up.state, hosts, 'bench-page');

  const browser = await launchChromium();
  try {
    const page = await loggedInPage(browser, base, { name: SESSION_COOKIE, value: token }, { width: 1600, height: 1000 });
    const context = page.context();
    await page.addInitScript(framesProbe(false));
    await page.goto(`${base}/installs/${installId}/preflight`);
    await page.getByRole('heading', { name: 'Host checks' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const cpu = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = new Map(metrics.map((x) => [x.name, x.value]));
      return {
        task: m.get('TaskDuration') ?? 0,
        script: m.get('ScriptDuration') ?? 0,
        layout: (m.get('LayoutDuration') ?? 0) + (m.get('RecalcStyleDuration') ?? 0),
      };
    };
    const before = await cpu();
    await page.evaluate(() => {
      (window as unknown as { __kswFrames: { on: boolean } }).__kswFrames.on = true;
    });
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Check hosts' }).click();
    const summary = page.getByTestId('preflight-summary');
    await summary.waitFor();
    const doneAt = (await page.evaluate(SUMMARY_DONE)) as number;
    const after = await cpu();
    const frames = await readFrames(page);
    const cells = await page
      .getByRole('table', { name: 'Host checks' })
      .getByRole('button', { name: /Show details$/ })
      .count();
    const text = await summary.textContent();
    const run = await getDb().preflightRun.findFirstOrThrow({ where: { installId }, orderBy: { startedAt: 'desc' } });
    const serverDoneS = run.finishedAt ? Math.round((run.finishedAt.getTime() - t0) / 10) / 100 : null;
    console.log(
      JSON.stringify(
        {
          hosts: hosts.length,
          summary: text,
          cellsShown: cells,
          serverFinishedAfterClickS: serverDoneS,
          allShownAfterClickS: Math.round((doneAt - t0) / 10) / 100,
          longestFrameGapMs: Math.round(frames.maxGapMs),
          // main-thread time the page itself spent meanwhile (Chrome's Performance domain)
          pageMainThreadS: {
            tasks: Math.round((after.task - before.task) * 100) / 100,
            script: Math.round((after.script - before.script) * 100) / 100,
            styleAndLayout: Math.round((after.layout - before.layout) * 100) / 100,
          },
          frames: frames.frames,
          serverPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await running.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(1);
  },
);
