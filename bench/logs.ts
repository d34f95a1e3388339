/**
 * Log pipeline benchmark: `npm run bench:logs [-- --hosts 10 --lines 200000]`.
 *
 * One real lab run (profile `lab` — Ansible 2.7.6 on the taskbox — or `--profile lab-core`; stage
 * `verify` with `lab_bench_lines`, which prints lines/hosts lines on each host) through the app's own
 * path: ansible-playbook on the taskbox (the first lab host) → the ksw_events callback's events file
 * → `tail -F` over SSH → redaction → the single LogWriter (SQLite) → socket.io room → a socket.io
 * client (websocket) subscribed with afterSeq 0. A first run prepares the taskbox and writes the
 * bundle's config (not measured). Prints end-to-end lines/s (first event created → last line received), p50/p95/max
 * latency from event creation to client receipt, lines persisted, and peak RSS of this process
 * (server + the test client). Uses a throw-away data dir and DB; the lab is left up.
 * With `--browser` the app's real server serves the run page to headless Chromium (/usr/bin/chromium
 * via playwright-core), which opens it as the run starts; the bench reports when the page shows every
 * line and the last line's row is in the DOM. The server runs the production build when there is one
 * (`npm run build`; `.next/BUILD_ID`), as `npm start` does, else Next in dev mode (warmed up first).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { framesProbe, launchChromium, loggedInPage, migrateThrowawayDatabase, numberArg, readFrames, useThrowawayDataDir } from './support';

const HOSTS = numberArg('hosts', 10);
const LINES = numberArg('lines', 200_000);
const BROWSER = process.argv.includes('--browser');
const TRACE = process.argv.includes('--trace');
const PROFILE_ARG = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : 'lab';
if (PROFILE_ARG !== 'lab' && PROFILE_ARG !== 'lab-core') throw new Error('--profile must be lab or lab-core');
const PROFILE: 'lab' | 'lab-core' = PROFILE_ARG;
const PRODUCTION_BUILD = fs.existsSync(path.resolve('.next/BUILD_ID'));

const dataDir = useThrowawayDataDir('ksw-bench-logs-');

let peakRss = 0;
/** --trace: event-loop utilisation (%) per 250 ms, to tell a busy wizard from a slow source. */
const eluTimeline: number[] = [];
let eluPrev = performance.eventLoopUtilization();
let eluTick = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (TRACE && (eluTick += 1) % 5 === 0) {
    const now = performance.eventLoopUtilization();
    eluTimeline.push(Math.round(performance.eventLoopUtilization(now, eluPrev).utilization * 100));
    eluPrev = now;
  }
}, 50);

async function main(): Promise<void> {
  const { getDb } = await import('../server/db');
  const { labUp } = await import('../lab/lab');
  const { lease, release } = await import('../lab/leases');
  const { labDir } = await import('../lab/paths');
  const { liveLeases } = await import('../lab/leases');
  const { attachIo, closeIo } = await import('../server/realtime/io');
  const { createSession } = await import('../server/auth/create-session');
  const { SESSION_COOKIE } = await import('../server/auth/session-cookie');
  const { attachRunSockets } = await import('../server/runner/attach-run-sockets');
  const { createRun } = await import('../server/runner/create-run');
  const { getRunner } = await import('../server/runner/runner');
  const { hashPassword } = await import('../server/auth/hash-password');

  await migrateThrowawayDatabase();
  if (TRACE) (await import('../server/runner/trace')).startTrace();
  const { readState } = await import('../lab/state');
  const before = await readState(labDir());
  const busyBefore = await liveLeases(labDir());
  const freeBefore = (before?.hosts ?? []).filter((h) => !busyBefore.has(h.name) && h.faults.length === 0).length;
  const up = await labUp({ hosts: Math.max(HOSTS, (before?.hosts.length ?? 0) + Math.max(0, HOSTS - freeBefore)), owner: 'cli' });
  const busy = await liveLeases(labDir());
  const hosts = up.state.hosts.filter((h) => !busy.has(h.name) && h.faults.length === 0).slice(0, HOSTS);
  if (hosts.length < HOSTS) throw new Error(`only ${hosts.length} free lab hosts`);
  const token = randomBytes(8).toString('hex');
  await lease(
    labDir(),
    hosts.map((h) => h.name),
    token,
  );

  let server: http.Server;
  let closeServer: () => Promise<void>;
  if (BROWSER) {
    const { startServer } = await import('../server/start-server');
    const { getIo } = await import('../server/realtime/io');
    const running = await startServer({ dev: !PRODUCTION_BUILD, port: 0, host: '127.0.0.1', log: () => undefined });
    const ioServer = getIo();
    if (!ioServer) throw new Error('socket.io not attached');
    attachRunSockets(ioServer);
    server = running.httpServer;
    closeServer = () => running.close();
  } else {
    server = http.createServer();
    attachRunSockets(attachIo(server));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { registerWizardOrigins, wizardOrigins } = await import('../server/http/wizard-origins');
    const { loadEnv } = await import('../server/env');
    registerWizardOrigins(wizardOrigins(loadEnv(), (server.address() as { port: number }).port));
    closeServer = async () => {
      await closeIo();
      server.close();
    };
  }
  const port = (server.address() as { port: number }).port;
  await getDb().admin.upsert({ where: { id: 1 }, create: { id: 1, passwordHash: await hashPassword('bench-password-1') }, update: {} });
  const sessionToken = await createSession();
  const cookie = `${SESSION_COOKIE}=${sessionToken}`;

  const { createTaskboxInstall } = await import('../server/runner/test-support/taskbox-lab');
  const installId = await createTaskboxInstall(up.state, hosts, 'bench-logs', (c) => {
    c.installer = { ...c.installer, profile: PROFILE };
  });
  const base = `http://127.0.0.1:${port}`;
  const browser = BROWSER ? await openBrowser(base, sessionToken, SESSION_COOKIE) : undefined;
  const warm = await createRun(installId, { stages: ['prepare', 'write-config'] });
  await getRunner().settled(warm);
  const warmRun = await getDb().run.findUniqueOrThrow({ where: { id: warm } });
  if (warmRun.status !== 'succeeded') {
    const tail = await getDb().logLine.findMany({ where: { runId: warm }, orderBy: { seq: 'desc' }, take: 15 });
    throw new Error(
      `preparing the taskbox failed: ${warmRun.error ?? warmRun.status}\n${tail
        .reverse()
        .map((l) => l.text)
        .join('\n')}`,
    );
  }
  if (browser) {
    await browser.page.goto(`${base}/installs/${installId}/runs/${warm}`);
    await browser.page.getByTestId('run-status').waitFor({ timeout: 180_000 });
  }
  const perHost = Math.floor(LINES / HOSTS);
  const client = await startClient(`http://127.0.0.1:${port}`, cookie);
  const t0 = Date.now();
  const runId = await createRun(installId, { stages: ['verify'], extraVars: { lab_bench_lines: perHost } });
  client.subscribe(runId);
  const pageOpened = browser ? browser.page.goto(`${base}/installs/${installId}/runs/${runId}`) : undefined;
  await getRunner().settled(runId);
  await new Promise((r) => setTimeout(r, 1000));
  const run = await getDb().run.findUniqueOrThrow({ where: { id: runId } });
  const { latencies, received, firstCreated, lastReceipt, outOfOrderOrDuplicate, maxLatencyPer250msOfCreation } = await client.report();
  const persisted = await getDb().logLine.count({ where: { runId } });
  const persistedBench = await getDb().logLine.count({ where: { runId, text: { contains: ' bench line ' } } });
  let browserFigures: Record<string, number> | undefined;
  if (browser && pageOpened) {
    await pageOpened;
    const runEnd = run.finishedAt?.getTime() ?? Date.now();
    const maxSeq = (await getDb().logLine.aggregate({ where: { runId }, _max: { seq: true } }))._max.seq ?? 0;
    await browser.page
      .getByTestId('log-count')
      .filter({ hasText: `${persisted.toLocaleString('en-US')} / ${persisted.toLocaleString('en-US')} lines` })
      .waitFor({ timeout: 120_000 });
    await browser.page.locator(`[data-seq="${maxSeq}"]`).waitFor({ timeout: 60_000 });
    const seen = await browser.page.evaluate(() => (window as unknown as { __kswSeqSeen: { max: number; at: number } }).__kswSeqSeen);
    const frames = await readFrames(browser.page);
    if (seen.max !== maxSeq) throw new Error(`the page's highest row is seq ${seen.max}, expected ${maxSeq}`);
    const visibleAt = seen.at;
    const t1 = Date.now();
    await browser.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
    browserFigures = {
      lastLineVisibleAfterRunStartS: Math.round((visibleAt - t0) / 100) / 10,
      lastLineVisibleAfterRunEndMs: visibleAt - runEnd,
      frameAfterMs: Date.now() - t1,
      longestFrameGapMs: Math.round(frames.maxGapMs),
      frames: frames.frames,
    };
    await browser.close();
  }
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  const secs = (lastReceipt - firstCreated) / 1000;
  const figures = {
    run: run.status,
    profile: PROFILE,
    hosts: HOSTS,
    benchLinesExpected: perHost * HOSTS,
    benchLinesReceived: received,
    linesPersisted: persisted,
    benchLinesPersisted: persistedBench,
    outOfOrderOrDuplicate,
    endToEndLinesPerSec: Math.round(received / Math.max(secs, 0.001)),
    latencyMs: { p50: q(0.5), p95: q(0.95), max: latencies[latencies.length - 1] ?? 0 },
    wallSeconds: Math.round((Date.now() - t0) / 100) / 10,
    peakRssMb: Math.round(peakRss / 1048576),
    ...(browserFigures ? { browser: { next: PRODUCTION_BUILD ? 'production build' : 'dev', ...browserFigures } } : {}),
    ...(TRACE
      ? {
          trace: {
            ...(await import('../server/runner/trace')).traceReport(),
            maxLatencyPer250msOfCreation,
            eventLoopBusyPercentPer250ms: eluTimeline.slice(-Math.ceil((Date.now() - t0) / 250)).join(' '),
          },
        }
      : {}),
  };
  console.log(JSON.stringify(figures, null, 2));
  await closeServer();
  await release(labDir(), token);
  clearInterval(sampler);
  const { hostFsPath } = await import('../lab/private-fs');
  for (const h of hosts) fs.rmSync(hostFsPath(h.name, `/tmp/ksw-lab-state/${installId}`), { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(0);
}

interface ClientReport {
  latencies: number[];
  received: number;
  firstCreated: number;
  lastReceipt: number;
  outOfOrderOrDuplicate: number;
  maxLatencyPer250msOfCreation: string;
}

/** The socket.io client in its own process (bench/log-client.ts), connected with the session cookie. */
async function startClient(url: string, cookie: string) {
  const child = fork(path.join(import.meta.dirname, 'log-client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => ((m as { error?: string }).error ? reject(new Error((m as { error: string }).error)) : resolve(m as T)));
      child.once('exit', (code) => reject(new Error(`the bench client exited (${code})`)));
    });
  const connected = next<{ connected: true }>();
  child.send({ connect: { url, cookie } });
  await connected;
  return {
    subscribe: (runId: string) => child.send({ subscribe: runId }),
    report: () => {
      const r = next<ClientReport>();
      child.send({ report: true });
      return r;
    },
  };
}

async function openBrowser(base: string, token: string, cookieName: string) {
  const b = await launchChromium();
  const page = await loggedInPage(b, base, { name: cookieName, value: token }, { width: 1280, height: 900 });
  // Records, in the page, when each new highest data-seq row appeared in the DOM (rows are reused by
  // the virtualiser, so attribute changes count too): the bench reads the time of the last line.
  // A string, not a function: tsx's keepNames would wrap inner functions in a `__name` helper that
  // does not exist in the page.
  await page.addInitScript(`
    window.__kswSeqSeen = { max: 0, at: 0 };
    const note = (el) => {
      const seq = Number(el.getAttribute('data-seq'));
      if (seq > window.__kswSeqSeen.max) window.__kswSeqSeen = { max: seq, at: Date.now() };
    };
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'attributes') note(r.target);
        for (const n of r.addedNodes) if (n instanceof Element) for (const el of [n, ...n.querySelectorAll('[data-seq]')]) if (el.hasAttribute('data-seq')) note(el);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-seq'] });
  `);
  // Responsiveness while lines stream in: the longest gap between two animation frames.
  await page.addInitScript(framesProbe(true));
  return { page, close: () => b.close() };
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
});
