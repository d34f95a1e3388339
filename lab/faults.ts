/**
 * Faults on demand, for tests and demos. Per host:
 *   stop | start                 sshd down / up again (ECONNREFUSED)
 *   break-password               sshd offers publickey only (password and keyboard-interactive off)
 *   kbd-only                     sshd offers publickey + keyboard-interactive, not "password"
 *   rekey                        new host key, restart (the original key is kept for `restore`)
 *   take-port <port>             a process listens on <host address>:<port> (in the host's network namespace)
 *   release-port [port]          stop holding one port (all when omitted)
 *   block-port <port|vrrp> [from-host]
 *                                the host's firewall drops TCP to <port> (or VRRP, IP protocol 112)
 *                                coming from <from-host>, or from everyone (lab/net-faults.ts)
 *   unblock-port [port|vrrp] [from-host]  lift one block (all when no port is given)
 *   take-ip <address>            the host's eth0 also holds <address> (with the lab's prefix): it
 *                                answers ARP for it, like another machine using that address
 *   release-ip [address]         drop one taken address (all when omitted)
 *   restore                      undo every fault on the host (config, original key, ports, blocks, start)
 * Global (hosts share /etc/passwd and sudoers, so sudo cannot be broken per host; the host
 * argument is ignored):
 *   break-sudo | restore-sudo    take the lab user out of / back into the sudo group
 * Every fault is recorded in state.json so `status`, `restore` and `down` can undo it.
 */
import { rename, rm, stat } from 'node:fs/promises';
import { ensureRunning, provisionHost, restartHost } from './host-ops';
import { newHostKey } from './keys';
import { persist } from './persist';
import { withLabLock } from './lock';
import { applyBlockedPorts, applyTakenAddresses, parseBlock, parseTakenAddress, sameBlock } from './net-faults';
import { hostNetns, hostPaths, labDir } from './paths';
import { netnsPath } from './network';
import { holdPort, releasePort } from './port-holder';
import { ensureRoot } from './prereq';
import { stopSshd } from './sshd-process';
import { readState, type HostFault, type LabHostState, type LabState } from './state';
import { authModeOf } from './faults-model';
import { setSudoMembership } from './user';

export const FAULT_KINDS = [
  'stop',
  'start',
  'break-password',
  'kbd-only',
  'rekey',
  'take-port',
  'release-port',
  'block-port',
  'unblock-port',
  'take-ip',
  'release-ip',
  'restore',
  'break-sudo',
  'restore-sudo',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export function isFaultKind(s: string): s is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(s);
}

const without = (faults: HostFault[], f: HostFault) => faults.filter((x) => x !== f);
const withFault = (faults: HostFault[], f: HostFault) => (faults.includes(f) ? faults : [...faults, f]);

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

async function applyConfig(state: LabState, h: LabHostState): Promise<void> {
  const key = await provisionHost(h.index, authModeOf(h.faults), state.dir);
  h.hostKeyAlgorithm = key.algorithm;
  h.hostKeyFingerprint = key.fingerprint;
  if (h.faults.includes('stopped')) await stopSshd(hostPaths(h.index, state.dir));
  else await restartHost(h.index, state.dir);
}

function parsePort(arg: string | undefined): number {
  const n = Number(arg);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`a port number 1-65535 is needed, got ${arg ?? 'nothing'}`);
  return n;
}

async function hostFault(state: LabState, h: LabHostState, kind: FaultKind, arg?: string, arg2?: string): Promise<void> {
  const p = hostPaths(h.index, state.dir);
  switch (kind) {
    case 'stop':
      h.faults = withFault(h.faults, 'stopped');
      await stopSshd(p);
      return;
    case 'start':
      h.faults = without(h.faults, 'stopped');
      await ensureRunning(h.index, state.dir);
      return;
    case 'break-password':
      h.faults = withFault(without(h.faults, 'kbd-only'), 'password-off');
      return applyConfig(state, h);
    case 'kbd-only':
      h.faults = withFault(without(h.faults, 'password-off'), 'kbd-only');
      return applyConfig(state, h);
    case 'rekey':
      if (!(await exists(p.originalHostKey))) {
        await rename(p.hostKey, p.originalHostKey);
        await rename(`${p.hostKey}.pub`, `${p.originalHostKey}.pub`);
      }
      await newHostKey(p.hostKey, `${h.name}-host-rekeyed`);
      h.faults = withFault(h.faults, 'rekeyed');
      return applyConfig(state, h);
    case 'take-port': {
      const port = parsePort(arg);
      if (h.takenPorts.some((t) => t.port === port)) return;
      h.takenPorts.push({ port, pid: await holdPort(netnsPath(hostNetns(h.index)), h.address, port) });
      return;
    }
    case 'block-port': {
      const block = parseBlock(
        arg,
        arg2,
        state.hosts.map((x) => x.name),
      );
      const blocks = h.blockedPorts ?? [];
      h.blockedPorts = blocks.some((b) => sameBlock(b, block)) ? blocks : [...blocks, block];
      return applyBlockedPorts(h.index, h.blockedPorts);
    }
    case 'unblock-port': {
      const block =
        arg === undefined
          ? undefined
          : parseBlock(
              arg,
              arg2,
              state.hosts.map((x) => x.name),
            );
      h.blockedPorts = block ? (h.blockedPorts ?? []).filter((b) => !sameBlock(b, block)) : [];
      return applyBlockedPorts(h.index, h.blockedPorts);
    }
    case 'take-ip': {
      const address = parseTakenAddress(arg);
      const taken = h.takenAddresses ?? [];
      h.takenAddresses = taken.includes(address) ? taken : [...taken, address];
      return applyTakenAddresses(h.index, h.takenAddresses);
    }
    case 'release-ip': {
      const previous = h.takenAddresses ?? [];
      const address = arg === undefined ? undefined : parseTakenAddress(arg);
      h.takenAddresses = address === undefined ? [] : previous.filter((a) => a !== address);
      return applyTakenAddresses(h.index, h.takenAddresses, previous);
    }
    case 'release-port': {
      const port = arg === undefined ? undefined : parsePort(arg);
      for (const t of h.takenPorts) if (port === undefined || t.port === port) releasePort(t.pid);
      h.takenPorts = h.takenPorts.filter((t) => port !== undefined && t.port !== port);
      return;
    }
    case 'restore':
      for (const t of h.takenPorts) releasePort(t.pid);
      h.takenPorts = [];
      h.blockedPorts = [];
      await applyBlockedPorts(h.index, []);
      await applyTakenAddresses(h.index, [], h.takenAddresses ?? []);
      h.takenAddresses = [];
      if (await exists(p.originalHostKey)) {
        await rm(p.hostKey, { force: true });
        await rename(p.originalHostKey, p.hostKey);
        await rename(`${p.originalHostKey}.pub`, `${p.hostKey}.pub`);
      }
      h.faults = [];
      return applyConfig(state, h);
    case 'break-sudo':
    case 'restore-sudo':
      return;
  }
}

export interface FaultResult {
  host?: LabHostState;
  sudoFault: boolean;
}

export async function labFault(kind: FaultKind, host: string | undefined, arg?: string, arg2?: string): Promise<FaultResult> {
  ensureRoot();
  const dir = labDir();
  return withLabLock(async () => {
    const state = await readState(dir);
    if (!state) throw new Error('the lab is not up: run `npm run lab -- up --hosts N` first');
    if (kind === 'break-sudo' || kind === 'restore-sudo') {
      state.sudoFault = kind === 'break-sudo';
      await setSudoMembership(state.user, !state.sudoFault);
      await persist(state);
      return { sudoFault: state.sudoFault };
    }
    const h = state.hosts.find((x) => x.name === host);
    if (!h) throw new Error(`no lab host named ${host ?? '(none)'}; hosts: ${state.hosts.map((x) => x.name).join(', ')}`);
    await hostFault(state, h, kind, arg, arg2);
    await persist(state);
    return { host: h, sudoFault: state.sudoFault };
  }, dir);
}
