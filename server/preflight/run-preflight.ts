/**
 * Starts a preflight run for an install (all hosts or some) and runs it in the background:
 * PreflightRun row (running) → per host, bounded fan-out, one SSH connection each (runHostChecks)
 * → results recorded with a seq and streamed (the taskbox's row also judges the installer bundle,
 * its Ansible, SSH from there to every host and disk for the logs: looked at on its own connection)
 * → cluster-wide checks when every cluster host is covered → final status passed | warned | failed.
 * Node.state goes unknown → reachable → ready | failed, for hosts that are not nodes of a live cluster
 * (Node.joinedAt unset): a member's state comes from the runs' events only, so checking the hosts of
 * an installed cluster (before an add, after an edit) never rewrites it.
 *
 * An installer machine outside the cluster is checked like a host, under the name `installer`
 * (preflight-hosts.ts): its own row, its host key recorded and pinned the same way, the taskbox's
 * checks only; its facts never reach the cluster-wide checks, and it has no Node row.
 *
 * The run records every host it checks as it was (hostsJson: address, port, ip, roles and a keyed
 * fingerprint of the login), for the install gate to compare with the config later.
 *
 * Invariants: at most one running preflight per install (a second start is refused with 409 while it
 * is fresh; a run left "running" by a dead process is closed by reconcilePreflightRuns at boot or
 * when it is older than STALE_MS); secrets are resolved here and never recorded.
 */
import net from 'node:net';
import { leniencyOf } from '@/lib/config/profile-leniency';
import type { InstallConfig } from '@/lib/config/schema';
import { getDb } from '../db';
import { setCheckedNodeState } from '../status/node-state';
import { endPreflightRun, failOrphanedPreflightRuns } from '../status/preflight-run-status';
import { HttpError, ValidationError } from '../http/errors';
import { resolveSecrets } from '../installs/resolve-secrets';
import { DEFAULT_FAN_OUT, mapLimit } from '../ssh';
import { CLUSTER_CHECKS } from './checks';
import { endpointOf, endpointKey, recordChangedHostKey, recordHostKey } from './host-keys';
import { checkedTargets } from './login-fingerprint';
import { installerNameClash, preflightHosts, type PreflightHost } from './preflight-hosts';
import type { HostFacts } from './parse/facts';
import { RunRecorder } from './recorder';
import { runHostChecks } from './run-host-checks';
import { worstStatus, type CheckOutcome, type CheckStatus, type RunStatus, type TcpProbeResult } from './types';
import { CLUSTER_HOST } from './view';

export const STALE_MS = 5 * 60_000;

export interface StartPreflightOptions {
  hosts?: string[];
  /**
   * The operator chose "Trust new keys" for this check: an endpoint with no trusted key is logged in
   * to and its key trusted on first use. A changed key is never trusted this way. Without it, a first
   * contact only fetches the key (run-host-checks.ts).
   */
  trustNewKeys?: boolean;
}

const globalRuns = globalThis as unknown as { __kswPreflightRuns?: Map<string, Promise<void>> };
const liveRuns = (globalRuns.__kswPreflightRuns ??= new Map());

/** Resolves when the run's background work ended (tests, shutdown). */
export function waitForPreflight(runId: string): Promise<void> {
  return liveRuns.get(runId) ?? Promise.resolve();
}

export async function startPreflight(installId: string, opts: StartPreflightOptions = {}): Promise<string> {
  const db = getDb();
  const config = await resolveSecrets(installId);
  const clash = installerNameClash(config);
  if (clash) throw new ValidationError([{ path: 'hosts', message: clash }]);
  const machines = preflightHosts(config);
  const wanted = opts.hosts && opts.hosts.length > 0 ? opts.hosts : undefined;
  const unknown = (wanted ?? []).filter((name) => !machines.some((h) => h.name === name));
  if (unknown.length > 0) throw new ValidationError([{ path: 'hosts', message: `no host named ${unknown.join(', ')} in this install` }]);
  const hosts = wanted ? machines.filter((h) => wanted.includes(h.name)) : machines;
  if (config.hosts.length === 0) throw new ValidationError([{ path: 'hosts', message: 'the install has no hosts to check: add them in the Hosts step' }]);

  const running = await db.preflightRun.findFirst({ where: { installId, status: 'running' } });
  if (running) {
    if (liveRuns.has(running.id) && Date.now() - running.startedAt.getTime() < STALE_MS) {
      throw new HttpError(409, 'host checks are already running for this install: wait for them to finish');
    }
    await endPreflightRun(running.id, 'failed');
  }

  const names = hosts.map((h) => h.name);
  // The targets as checked (not only names), each with its login fingerprint (no secret value):
  // the install gate compares them with the config later.
  const run = await db.preflightRun.create({ data: { installId, hostsJson: JSON.stringify(checkedTargets(installId, hosts)) } });
  await setCheckedNodeState(installId, names, { state: 'unknown', stateNote: null });
  const allHosts = config.hosts.every((h) => names.includes(h.name));
  const work = executeRun(run.id, installId, config, hosts, allHosts, opts.trustNewKeys === true)
    .catch(async (err: unknown) => {
      console.error(`[preflight] run ${run.id} stopped: ${err instanceof Error ? err.message : String(err)}`);
      await endPreflightRun(run.id, 'failed').catch(() => undefined);
    })
    .finally(() => liveRuns.delete(run.id));
  liveRuns.set(run.id, work);
  return run.id;
}

async function checkOneHost(
  installId: string,
  config: InstallConfig,
  host: PreflightHost,
  recorder: RunRecorder,
  trustNewKeys: boolean,
): Promise<{ facts?: HostFacts; statuses: CheckStatus[] }> {
  const statuses: CheckStatus[] = [];
  let firstFailure: string | undefined;
  const endpoint = endpointOf(host);
  const known = await endpointKey(installId, endpoint);
  // A recorded but never trusted key is no pin ("trust new keys" accepts what the endpoint presents
  // now); a changed one stays pinned to the old key, so it is refused until the operator accepts it.
  const pinned = known.state === 'trusted' || known.state === 'changed' ? known.key : undefined;
  const result = await runHostChecks(host, {
    config,
    ...(pinned ? { expectedHostKey: pinned } : { trustOnFirstUse: trustNewKeys }),
    onHostKeySeen: (key) => recordHostKey(installId, host.name, endpoint, key),
    onConnected: async (key) => {
      if (key) await recordHostKey(installId, host.name, endpoint, key, key.state === 'new');
      await setCheckedNodeState(installId, [host.name], { state: 'reachable', stateNote: null });
    },
    onHostKeyChanged: (err) => recordChangedHostKey(installId, endpoint, err),
    onResults: async (batch: CheckOutcome[]) => {
      for (const o of batch) {
        statuses.push(o.status);
        if (o.status === 'fail' && firstFailure === undefined) firstFailure = `${o.title}: ${o.message}`;
      }
      await recorder.record(batch);
    },
  });
  const failed = statuses.includes('fail');
  await setCheckedNodeState(
    installId,
    [host.name],
    failed ? { state: 'failed', stateNote: (firstFailure ?? 'a check failed').slice(0, 500) } : { state: 'ready', stateNote: null },
  );
  return { facts: result.facts, statuses };
}

export function tcpProbe(host: string, port: number, timeoutMs: number): Promise<TcpProbeResult> {
  const target = `${host}:${port}`;
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (r: TcpProbeResult) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(r);
    };
    const timer = setTimeout(() => done({ target, kind: 'timeout', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    socket.once('connect', () => done({ target, kind: 'open', detail: 'connected' }));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? '';
      const kind =
        code === 'ECONNREFUSED'
          ? 'refused'
          : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
            ? 'unreachable'
            : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
              ? 'dns'
              : 'error';
      done({ target, kind, detail: `${code} ${err.message}`.trim() });
    });
  });
}

async function executeRun(
  runId: string,
  installId: string,
  config: InstallConfig,
  hosts: PreflightHost[],
  allHosts: boolean,
  trustNewKeys: boolean,
): Promise<void> {
  const recorder = new RunRecorder(runId);
  const statuses: CheckStatus[] = [];
  const facts = new Map<string, HostFacts>();
  const lbFacts = new Map<string, HostFacts>();
  await mapLimit(hosts, DEFAULT_FAN_OUT, async (host) => {
    const r = await checkOneHost(installId, config, host, recorder, trustNewKeys).catch(async (err: unknown) => {
      const message = `unexpected error while checking ${host.name}: ${err instanceof Error ? err.message : String(err)}`;
      await recorder.record([
        { id: 'ssh', title: 'SSH login', host: host.name, status: 'fail', message, hint: 'Retry; if it persists see the wizard server log.', durationMs: 0 },
      ]);
      return { facts: undefined, statuses: ['fail' as const] };
    });
    statuses.push(...r.statuses);
    // the cluster-wide checks judge the cluster's hosts; the LB hosts' facts are for the LB's checks only
    if (r.facts && host.lbHost) lbFacts.set(host.name, r.facts);
    else if (r.facts && !host.installerMachine) facts.set(host.name, r.facts);
  });
  if (allHosts) {
    const ctx = { config, facts, lbFacts, minimums: leniencyOf(config.installer.profile).resourceMinimums, tcpProbe };
    for (const check of CLUSTER_CHECKS) {
      const t0 = performance.now();
      const result = await check.run(ctx);
      if (!result) continue;
      statuses.push(result.status);
      await recorder.record([{ id: check.id, title: check.title, host: CLUSTER_HOST, durationMs: Math.round(performance.now() - t0), ...result }]);
    }
  }
  const worst = worstStatus(statuses);
  const status: RunStatus = worst === 'fail' ? 'failed' : worst === 'warn' ? 'warned' : 'passed';
  await recorder.finish(status);
}

/** At boot: runs left "running" by a previous process can never finish. */
export async function reconcilePreflightRuns(): Promise<number> {
  return failOrphanedPreflightRuns();
}
