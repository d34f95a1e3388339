/**
 * The per-host preflight, used by the app (run-preflight.ts) and the benchmark alike:
 * one connection, one exec: a clock reading as the login user, then the gather script under sudo (which is
 * also the sudo check, and on etcd members also runs the fsync probe: one sudo per host; re-run
 * unprivileged, without the probe, when sudo is refused); then every catalog check on the parsed facts. Results are reported through `onResults` as soon as they exist.
 * The taskbox alone does more: a second exec on the same connection, alongside the gather, looks at
 * the installer bundle and its programs (gather-taskbox.ts), and its gather also probes every
 * host's SSH port. An installer machine outside the cluster (preflight-hosts.ts) gets the same
 * connection, sudo and taskbox look, but none of a cluster host's checks (INSTALLER_MACHINE_CHECKS):
 * no ports, no fsync probe, no probes but the hosts' SSH ports. An internal LB host gets the
 * connection, sudo and LB_HOST_CHECKS, with no ports, fsync or probes.
 *
 * Host keys: with `expectedHostKey` (a key the operator trusted for this endpoint) the login is
 * pinned to it; with `trustOnFirstUse` (the operator chose "trust new keys" for this check) any key
 * is accepted and reported for the caller to record as trusted; with neither, this is a first
 * contact: the key is fetched WITHOUT authenticating (probeHostKey), reported through
 * `onHostKeySeen`, and the "ssh" check fails with "not yet trusted": no password, key signature or
 * sudo answer is sent to an endpoint nobody trusted.
 *
 * Never throws for host problems: an unreachable host yields a failed "ssh" result.
 */
import { leniencyOf } from '@/lib/config/profile-leniency';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { connectHost, probeHostKey, SshError, type ConnectOptions, type ExecResult, type HostKeyFingerprint, type PresentedHostKey } from '../ssh';
import { CHECK_TITLES, HOST_CHECKS, INSTALLER_MACHINE_CHECKS, LB_HOST_CHECKS } from './checks';
import { requiredPorts } from './checks/ports';
import { FSYNC_WRITES, gatherArgv } from './gather-script';
import { lbGatherArgsFor, lbListenPorts } from './lb-gather-args';
import { startTaskboxLook } from './gather-taskbox';
import { heldSecretsOf, sshTargetOf, type HostShell } from './host-shell';
import { parseGatherOutput, type ClockSample, type FsyncSample, type HostFacts } from './parse/facts';
import { clockSampleOf, parseFsyncSection } from './parse/misc';
import { SECTION_MARK } from './parse/sections';
import type { PreflightHost } from './preflight-hosts';
import { probeTargetsFor } from './probe-targets';
import { isExternalInstaller } from './taskbox';
import { hostRoles, type CheckOutcome, type CheckResult } from './types';

/** Checks judged on the taskbox look, which may end after the gather. */
const TASKBOX_LOOK_CHECKS = new Set(['installer-bundle', 'installer-ansible', 'installer-disk']);

export interface HostRunOptions {
  config: InstallConfig;
  /** The key trusted for this host's endpoint: log in pinned to it. */
  expectedHostKey?: HostKeyFingerprint;
  /** Without a trusted key: log in anyway and accept the key (the operator chose "trust new keys"). */
  trustOnFirstUse?: boolean;
  connect?: ConnectOptions;
  onResults: (outcomes: CheckOutcome[]) => Promise<void> | void;
  /** Called once connected, before any command runs (trust on first use is the caller's part). */
  onConnected?: (hostKey: PresentedHostKey | undefined) => Promise<void> | void;
  /** First contact without trust: the key the endpoint presented (nothing was sent to it). */
  onHostKeySeen?: (hostKey: PresentedHostKey) => Promise<void> | void;
  /** Called when the host presented another key than the expected one. */
  onHostKeyChanged?: (error: SshError) => Promise<void> | void;
}

export interface HostRunResult {
  reachable: boolean;
  facts?: HostFacts;
  outcomes: CheckOutcome[];
}

const titleOf = (id: string) => CHECK_TITLES.get(id) ?? id;

function outcome(host: Host, id: string, result: CheckResult, durationMs: number): CheckOutcome {
  return { id, title: titleOf(id), host: host.name, durationMs: Math.round(durationMs), ...result };
}

function sshFailure(err: unknown): CheckResult {
  if (err instanceof SshError) {
    const details = [
      err.details.expectedFingerprint && `expected ${err.details.expectedFingerprint}`,
      err.details.actualFingerprint && `presented ${err.details.actualFingerprint}`,
      err.details.methods && `server offered: ${err.details.methods.join(', ')}`,
      err.details.stderrTail,
    ]
      .filter(Boolean)
      .join('\n');
    // the message and hint are the operator's words; the error kind is an internal code, never shown
    return { status: 'fail', message: err.message, hint: err.hint, evidence: details || undefined };
  }
  return {
    status: 'fail',
    message: `unexpected error: ${err instanceof Error ? err.message : String(err)}`,
    hint: 'Retry; if it persists, see the wizard server log.',
  };
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number }> {
  const t0 = performance.now();
  try {
    return { value: await fn(), ms: performance.now() - t0 };
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
}

/** A separate clock reading, for when none came with the gather (the local shell, or every gather failed). */
async function sampleClock(shell: HostShell): Promise<ClockSample | undefined> {
  const t0 = Date.now();
  const r = await shell.exec(['date', '+%s.%N'], { timeoutMs: 10_000 });
  const t1 = Date.now();
  return r.exitCode === 0 ? clockSampleOf(r.stdout, t0, t1) : undefined;
}

function clockOfGather(r: { value?: ExecResult }): { value?: ClockSample; ms: number } | undefined {
  const c = r.value?.clock;
  return c ? { value: clockSampleOf(c.remoteText, c.sentAtMs, c.receivedAtMs), ms: c.receivedAtMs - c.sentAtMs } : undefined;
}

/** The fsync probe's result from the gather's `fsync` section (missing: the gather was cut off before it). */
function fsyncFromSection(text: string | undefined): { value?: FsyncSample; error?: string } {
  if (text === undefined) return { error: 'the gather stopped before the fsync probe reported' };
  const r = parseFsyncSection(text);
  if (r.exitCode !== 0 || r.seconds === undefined) return { error: `dd exited with ${r.exitCode}: ${r.output.split('\n').slice(-1)[0] ?? ''}` };
  return { value: { perWriteMs: (r.seconds * 1000) / FSYNC_WRITES, writes: FSYNC_WRITES, output: r.output } };
}

interface OpenedShell {
  shell: HostShell;
  result: CheckResult;
  hostKey?: PresentedHostKey;
}

const SUDO_KINDS = new Set(['sudo-password', 'not-sudoer', 'sudo-tty']);

/** sudo itself refused (the command never ran): over SSH an SshError, locally `sudo -n` output without sections. */
function sudoRefused(r: { value?: { stdout: string; exitCode: number }; error?: unknown }): boolean {
  if (r.error instanceof SshError) return SUDO_KINDS.has(r.error.kind);
  return r.value !== undefined && r.value.exitCode !== 0 && !r.value.stdout.includes(SECTION_MARK);
}

async function openShell(host: Host, opts: HostRunOptions): Promise<OpenedShell> {
  const t = sshTargetOf(host);
  if ('missing' in t) {
    const hint = heldSecretsOf(host)
      ? `Open the Hosts step: at ${host.name}'s fields, confirm the stored secret for ${host.address}:${host.port}, or enter it again.`
      : 'Enter the password or private key in the Hosts step.';
    throw new SshError('auth', host.name, t.missing, hint);
  }
  const session = await connectHost(
    { ...t.target, ...(opts.expectedHostKey ? { expectedHostKey: opts.expectedHostKey } : {}) },
    { ...opts.connect, trustOnFirstUse: opts.trustOnFirstUse === true && !opts.expectedHostKey },
  );
  const key = session.hostKey;
  const keyText = `${key.algorithm} ${key.fingerprint}`;
  const message =
    key.state === 'new'
      ? `Logged in as ${host.user}@${host.address}:${host.port}. First contact: host key ${keyText} trusted, as "Trust new keys" asked.`
      : `Logged in as ${host.user}@${host.address}:${host.port} (host key ${keyText} matches).`;
  return { shell: session, result: { status: 'pass', message, evidence: `host key: ${keyText}` }, hostKey: key };
}

/** First contact without the operator's trust: fetch the key, log in with nothing. */
async function firstContact(host: Host, opts: HostRunOptions): Promise<CheckResult> {
  const key = await probeHostKey(host, opts.connect);
  await opts.onHostKeySeen?.(key);
  const t = sshTargetOf(host);
  const also = 'missing' in t ? ` Also: ${t.missing}.` : '';
  return {
    status: 'fail',
    message: `Host key not yet trusted: ${key.algorithm} ${key.fingerprint} (${host.address}:${host.port}). The wizard did not log in: no password, key or sudo password was sent.${also}`,
    hint: 'Compare the fingerprint with the machine (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), trust it in the host key panel, then check the hosts again; or check again with "Trust new keys".',
    evidence: `host key: ${key.algorithm} ${key.fingerprint}`,
  };
}

export async function runHostChecks(host: PreflightHost, opts: HostRunOptions): Promise<HostRunResult> {
  const outcomes: CheckOutcome[] = [];
  const report = async (batch: CheckOutcome[]) => {
    outcomes.push(...batch);
    await opts.onResults(batch);
  };

  if (!opts.expectedHostKey && opts.trustOnFirstUse !== true) {
    const probed = await timed(() => firstContact(host, opts));
    await report([outcome(host, 'ssh', probed.value ?? sshFailure(probed.error), probed.ms)]);
    return { reachable: probed.value !== undefined, outcomes };
  }

  const opened = await timed(() => openShell(host, opts));
  if (!opened.value) {
    if (opened.error instanceof SshError && opened.error.kind === 'host-key-changed') await opts.onHostKeyChanged?.(opened.error);
    await report([outcome(host, 'ssh', sshFailure(opened.error), opened.ms)]);
    return { reachable: false, outcomes };
  }
  const { shell, hostKey } = opened.value;
  try {
    await opts.onConnected?.(hostKey);
    await report([outcome(host, 'ssh', opened.value.result, opened.ms)]);

    // The gather runs under sudo and doubles as the sudo check; on etcd members it also runs the
    // fsync probe (one sudo authentication per host: PAM password hashing is the most expensive part
    // of a check on a busy machine).
    const needSudo = !shell.isRoot;
    const installerOnly = isExternalInstaller(host, opts.config);
    const lbOnly = host.lbHost === true;
    const withFsync = host.roles.etcd === true && !installerOnly && !lbOnly;
    const targets = lbOnly ? [] : probeTargetsFor(host, opts.config).map((t) => t.target);
    const lb = lbOnly ? lbGatherArgsFor(host, opts.config) : undefined;
    const ports = installerOnly ? [] : lbOnly ? lbListenPorts(opts.config) : requiredPorts(host, opts.config).map((n) => n.port);
    // The clock is read on the gather's channel, before sudo (see ExecOptions.clockSample).
    const runGather = (sudo: boolean, fsync: boolean) => shell.exec(gatherArgv(targets, { fsync, ports, lb }), { sudo, timeoutMs: 30_000, clockSample: true });
    const taskboxLook = startTaskboxLook(host, opts.config, shell);
    const first = await timed(() => runGather(needSudo, withFsync));
    let gather = first;
    let sudoError: unknown;
    if (needSudo && sudoRefused(first)) {
      sudoError = first.error ?? new Error(`sudo -n failed on the wizard's machine: ${first.value?.stderr.trim() ?? ''}`);
      gather = await timed(() => runGather(false, false));
    }
    if (!shell.isRoot && (sudoError !== undefined || gather.value)) {
      const sudoResult: CheckResult =
        sudoError === undefined ? { status: 'pass', message: `${host.user} can run commands as root with sudo.` } : sshFailure(sudoError);
      await report([outcome(host, 'sudo', sudoResult, first.ms)]);
    } else if (shell.isRoot) {
      await report([outcome(host, 'sudo', { status: 'pass', message: 'Logged in as root: no sudo needed.' }, 0)]);
    }
    const privileged = shell.isRoot || sudoError === undefined;
    if (!gather.value) {
      await report([
        outcome(host, 'gather', { ...sshFailure(gather.error), message: `Could not gather the host's facts: ${sshFailure(gather.error).message}` }, gather.ms),
      ]);
      return { reachable: true, outcomes };
    }
    const clock = clockOfGather(gather) ?? (await timed(() => sampleClock(shell)));
    const facts = parseGatherOutput(gather.value.stdout, privileged, targets);
    facts.clock = clock.value;
    if (withFsync) {
      // Without sudo the probe did not run: it needs root like before (its error is sudo's).
      const fsync =
        sudoError === undefined ? fsyncFromSection(facts.raw.get('fsync')) : { error: sudoError instanceof Error ? sudoError.message : String(sudoError) };
      if (fsync.value) facts.fsync = fsync.value;
      if (fsync.error) facts.fsyncError = fsync.error;
    }

    const taskbox = await timed(async () => taskboxLook && (await taskboxLook));
    const ctx = { host, config: opts.config, facts, minimums: leniencyOf(opts.config.installer.profile).resourceMinimums, taskbox: taskbox.value };
    const roles = hostRoles(host);
    const batch: CheckOutcome[] = [];
    if (!facts.complete) {
      batch.push(
        outcome(
          host,
          'gather',
          {
            status: 'warn',
            message: `The fact-gathering script stopped early (exit ${gather.value.exitCode}); some checks lack data.`,
            hint: 'See the evidence for the error output.',
            evidence: gather.value.stderr.slice(-2000),
          },
          gather.ms,
        ),
      );
    }
    for (const check of installerOnly ? INSTALLER_MACHINE_CHECKS : lbOnly ? LB_HOST_CHECKS : HOST_CHECKS) {
      if (check.appliesTo && !check.appliesTo(roles)) continue;
      const result = check.run(ctx);
      if (!result) continue;
      const ms = check.id === 'clock' ? clock.ms : TASKBOX_LOOK_CHECKS.has(check.id) ? gather.ms + taskbox.ms : gather.ms;
      batch.push(outcome(host, check.id, result, ms));
    }
    await report(batch);
    return { reachable: true, facts, outcomes };
  } finally {
    shell.close();
  }
}
