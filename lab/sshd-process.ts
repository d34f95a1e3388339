/**
 * Starts and stops one lab sshd. Each runs in its host's network namespace (lab/network.ts, entered
 * with `nsenter --net`) and its own UTS + mount namespace (propagation private) so it has its own
 * hostname, a bind-mounted /etc/hosts (else sudo says "unable to resolve host"), a /sys of its own
 * network namespace (Ansible's facts list interfaces from /sys/class/net) and its own private
 * filesystem (lab/private-fs.ts). sshd daemonises: `unshare` returns once the daemon forked, and
 * sshd writes its pid file. The mount namespace lives until its last process exits.
 * Paths and names are passed to `sh -c` as positional parameters, never pasted into the script.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { pidAlive } from './lock';
import type { HostPaths } from './paths';

/**
 * $1 host name, $2 hosts file, $3 sshd_config, $4 sshd log, $5 backing root, then the mount
 * arguments of `namespaceMountArgs`: first every `ro:`/`rw:` real path is bound onto its place
 * inside the backing directories (while it is still visible), then every `private:` backing
 * directory is `--rbind`-mounted over its path, carrying those binds along.
 */
const START_SCRIPT = `set -e
hostname "$1"
mount --bind "$2" /etc/hosts
mount -t sysfs sysfs /sys
config=$3 log=$4 fs=$5
shift 5
for arg in "$@"; do
  kind=\${arg%%:*} p=\${arg#*:}
  case $kind in
    ro) mkdir -p "$fs$p"; mount --bind -o ro "$p" "$fs$p" ;;
    rw) mkdir -p "$fs$p"; mount --bind "$p" "$fs$p" ;;
  esac
done
for arg in "$@"; do
  kind=\${arg%%:*} p=\${arg#*:}
  case $kind in private) mount --rbind "$fs$p" "$p" ;; esac
done
exec /usr/sbin/sshd -f "$config" -E "$log"`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function readPid(pidFile: string): Promise<number | undefined> {
  const n = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

async function isSshd(pid: number): Promise<boolean> {
  const cmd = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmd.includes('sshd');
}

export async function runningPid(p: HostPaths): Promise<number | undefined> {
  const pid = await readPid(p.pidFile);
  return pid !== undefined && pidAlive(pid) && (await isSshd(pid)) ? pid : undefined;
}

export function startSshd(name: string, p: HostPaths, netnsFile: string, mountArgs: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [name, p.hostsFile, p.config, p.log, p.fsRoot, ...mountArgs];
    const unshare = ['unshare', '--uts', '--mount', '--propagation', 'private', 'sh', '-c', START_SCRIPT, 'sh', ...args];
    const child = spawn('nsenter', [`--net=${netnsFile}`, ...unshare], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', async (code) => {
      if (code === 0) return resolve();
      const log = (await readFile(p.log, 'utf8').catch(() => '')).trim().split('\n').slice(-3).join(' | ');
      reject(new Error(`sshd for ${name} did not start (exit ${code}): ${stderr.trim()} ${log}`.trim()));
    });
  });
}

export async function stopSshd(p: HostPaths, timeoutMs = 3000): Promise<void> {
  const pid = await runningPid(p);
  if (pid === undefined) {
    await rm(p.pidFile, { force: true });
    return;
  }
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + timeoutMs;
  while (pidAlive(pid) && Date.now() < deadline) await sleep(20);
  if (pidAlive(pid)) process.kill(pid, 'SIGKILL');
  await rm(p.pidFile, { force: true });
}

/** Resolves once `address:port` accepts a TCP connection and sends an SSH banner. */
export async function waitForBanner(address: string, port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      await readBanner(address, port, 2000);
      return;
    } catch (e) {
      last = (e as Error).message;
      await sleep(30);
    }
  }
  throw new Error(`no SSH banner from ${address}:${port} within ${timeoutMs} ms (${last})`);
}

export function readBanner(address: string, port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = net.connect({ host: address, port });
    let buf = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(buf.trim());
    };
    const timer = setTimeout(() => done(new Error('timeout')), timeoutMs);
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      if (buf.includes('\n')) done(buf.startsWith('SSH-') ? undefined : new Error(`not SSH: ${buf.slice(0, 40)}`));
    });
    sock.on('error', (e) => done(e));
    sock.on('close', () => done(new Error('closed before banner')));
  });
}
