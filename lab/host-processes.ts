/**
 * Finds and kills every process still living in a lab host's mount namespace: login sessions, the
 * lab bundle's stand-in apiserver (a detached listener), anything a test left behind. Stopping sshd
 * alone leaves those running, and they keep the namespace — and its private mounts — alive.
 *
 * A namespace is recognised by its /etc/hosts: each host bind-mounts its own hosts file there, so
 * `/proc/<pid>/root/etc/hosts` of a process inside it is that very file (same device and inode).
 * Namespace ids are not used on their own: the kernel reuses them, and another checkout's lab on
 * the same machine creates namespaces all the time.
 */
import { readdir, readlink, stat } from 'node:fs/promises';

const fileId = (s: { dev: number; ino: number }) => `${s.dev}:${s.ino}`;

async function namespacesByPid(): Promise<Map<string, number[]>> {
  const own = await readlink('/proc/self/ns/mnt');
  const byNs = new Map<string, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ns = await readlink(`/proc/${entry}/ns/mnt`).catch(() => undefined);
    if (ns === undefined || ns === own) continue;
    byNs.set(ns, [...(byNs.get(ns) ?? []), Number(entry)]);
  }
  return byNs;
}

/** Pids of the processes inside the namespaces whose /etc/hosts is one of `hostsFiles`. */
export async function hostNamespacePids(hostsFiles: readonly string[]): Promise<number[]> {
  const ids = await Promise.all(hostsFiles.map((f) => stat(f).then(fileId, () => undefined)));
  const wanted = new Set(ids.filter((id): id is string => id !== undefined));
  if (wanted.size === 0) return [];
  const found: number[] = [];
  for (const pids of (await namespacesByPid()).values()) {
    for (const pid of pids) {
      // a chrooted process (sshd's privilege-separation child) has no /etc/hosts: ask the next one
      const s = await stat(`/proc/${pid}/root/etc/hosts`).catch(() => undefined);
      if (s && wanted.has(fileId(s))) {
        found.push(...pids);
        break;
      }
    }
  }
  return found;
}

/**
 * SIGKILLs everything inside those hosts' namespaces, again while a process forked in between
 * appears; returns how many processes it signalled.
 */
export async function killHostNamespaces(hostsFiles: readonly string[]): Promise<number> {
  let killed = 0;
  for (let round = 0; round < 5; round++) {
    const pids = await hostNamespacePids(hostsFiles);
    if (pids.length === 0) return killed;
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGKILL');
        killed++;
      } catch {
        /* already gone */
      }
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const left = await hostNamespacePids(hostsFiles);
  if (left.length > 0) throw new Error(`lab host processes survived SIGKILL: pids ${left.join(', ')}`);
  return killed;
}
