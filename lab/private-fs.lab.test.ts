// Each lab host's private filesystem, on real lab hosts: files written over SSH land in that host's
// backing dir only, the lab user's home works, root still logs in by key, the lab bundle is on every
// host, and the process finder used by `lab down` sees exactly one host's processes.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withHost } from '../server/ssh';
import { useLab } from './fixture';
import { HOST_BUNDLE_DIR } from './host-bundle';
import { hostNamespacePids } from './host-processes';
import { hostPaths, labDir, repoRoot } from './paths';
import { hostFsPath } from './private-fs';

const lab = useLab(2);
const token = randomBytes(6).toString('hex');

async function rootSh(i: number, script: string, ...args: string[]) {
  return withHost(lab.target(i, 'root-key'), (s) => s.exec(['sh', '-c', script, 'sh', ...args]));
}

describe('hostFsPath', () => {
  it('maps a path inside a host to its backing dir and refuses paths that are not private', () => {
    const base = hostPaths(3, labDir()).fsRoot;
    expect(hostFsPath(3, '/tmp/a/b')).toBe(path.join(base, 'tmp/a/b'));
    expect(hostFsPath('lab3', '/var/lib/ks-wizard/')).toBe(path.join(base, 'var/lib/ks-wizard'));
    expect(hostFsPath('lab3', '/opt/x/../y')).toBe(path.join(base, 'opt/y'));
    expect(() => hostFsPath(3, '/etc/passwd')).toThrow(/not private to the host/);
    expect(() => hostFsPath(3, '/tmp/../etc/passwd')).toThrow(/not private to the host/);
    expect(() => hostFsPath(3, 'tmp/x')).toThrow(/absolute path/);
    expect(() => hostFsPath('node1', '/tmp/x')).toThrow(/not a lab host name/);
    if (existsSync('/root/.pyenv')) expect(() => hostFsPath(3, '/root/.pyenv/versions')).toThrow(/machine's own/);
    expect(hostFsPath(3, '/run/ksw-keepalived.pid')).toBe(path.join(base, 'run/ksw-keepalived.pid'));
    expect(() => hostFsPath(3, '/run/sshd')).toThrow(/machine's own/);
  });
});

describe('a lab host has its own /opt, /tmp, /root, /run and load balancer configs', () => {
  it('a file written on one host is in its backing dir, not on this machine, not on another host', async () => {
    const dirs = ['/opt', '/tmp', '/var/tmp', '/root', '/var/lib/ks-wizard', '/etc/haproxy', '/etc/keepalived', '/run'];
    const paths = dirs.map((d) => `${d}/ksw-private-${token}`);
    const [one, two] = [lab.host(0), lab.host(1)];
    const wrote = await rootSh(0, 'n=$1; shift; for p in "$@"; do echo "$n $p" > "$p"; done', one.name, ...paths);
    expect(wrote.exitCode).toBe(0);
    try {
      for (const p of paths) {
        expect(readFileSync(hostFsPath(one.name, p), 'utf8')).toBe(`${one.name} ${p}\n`);
        expect(existsSync(p)).toBe(false);
        expect(existsSync(hostFsPath(two.name, p))).toBe(false);
      }
      const seen = await rootSh(1, 'for p in "$@"; do [ -e "$p" ] && echo "$p"; done; true', ...paths);
      expect(seen.stdout.trim()).toBe('');
    } finally {
      await rootSh(0, 'rm -f "$@"', ...paths);
    }
  });

  it('keeps the mount modes: /tmp and /var/tmp 1777, /root and /var/lib/ks-wizard 0700', async () => {
    const r = await rootSh(0, 'stat -c "%n %a %U" /tmp /var/tmp /root /var/lib/ks-wizard /opt /home /run');
    expect(r.stdout.trim().split('\n')).toEqual([
      '/tmp 1777 root',
      '/var/tmp 1777 root',
      '/root 700 root',
      '/var/lib/ks-wizard 700 root',
      '/opt 755 root',
      '/home 755 root',
      '/run 755 root',
    ]);
  });

  it("a private /run still has the machine's /run/sshd and /run/ksw-lab, read-only", async () => {
    const r = await rootSh(
      0,
      'for d in /run/sshd /run/ksw-lab; do [ -d "$d" ] && { touch "$d/x" 2>/dev/null && echo "$d writable" || echo "$d read-only"; }; done',
    );
    expect(r.stdout.trim().split('\n')).toEqual(['/run/sshd read-only', '/run/ksw-lab read-only']);
  });

  it('root still logs in with the lab key; Python 2.7 from /root/.pyenv is there, read-only', async () => {
    const r = await rootSh(0, 'id -u; hostname; touch /root/.pyenv/ksw-write-test 2>/dev/null && echo writable || echo read-only');
    expect(r.stdout.trim().split('\n')).toEqual(['0', lab.host(0).name, existsSync('/root/.pyenv') ? 'read-only' : 'writable']);
  });

  it('gives the lab user a private 0750 home it can write to', async () => {
    const user = lab.state.user;
    const r = await withHost(lab.target(1, 'user-password'), (s) =>
      s.exec(['sh', '-c', 'echo "$HOME"; cd && echo hello > "ksw-home-$1" && stat -c "%a %U" "$HOME"', 'sh', token]),
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([`/home/${user}`, `750 ${user}`]);
    const backing = hostFsPath(lab.host(1).name, `/home/${user}/ksw-home-${token}`);
    expect(readFileSync(backing, 'utf8')).toBe('hello\n');
    expect(statSync(backing).uid).toBe(statSync(path.dirname(backing)).uid);
    await rootSh(1, 'rm -f "$1"', `/home/${user}/ksw-home-${token}`);
  });
});

describe('the lab bundle on the hosts', () => {
  it(`is copied into every host's ${HOST_BUNDLE_DIR}, identical to lab/installer`, async () => {
    const source = readFileSync(path.join(repoRoot, 'lab/installer/preinstall/init.yml'), 'utf8');
    for (const [i, h] of lab.hosts.entries()) {
      expect(readFileSync(hostFsPath(h.name, `${HOST_BUNDLE_DIR}/preinstall/init.yml`), 'utf8')).toBe(source);
      const r = await rootSh(i, 'cd "$1" && cat preinstall/init.yml && test -x scripts/os/os_check.sh && echo executable', HOST_BUNDLE_DIR);
      expect(r.stdout).toBe(`${source}executable\n`);
    }
  });
});

describe('the processes of a lab host', () => {
  it("are found by the host's /etc/hosts: a detached process on one host, not on the other", async () => {
    const started = await rootSh(0, 'nohup setsid sleep 120 >/dev/null 2>&1 </dev/null & echo $!');
    const pid = Number(started.stdout.trim());
    expect(pid).toBeGreaterThan(1);
    try {
      expect(await hostNamespacePids([hostPaths(lab.host(0).index, labDir()).hostsFile])).toContain(pid);
      expect(await hostNamespacePids([hostPaths(lab.host(1).index, labDir()).hostsFile])).not.toContain(pid);
    } finally {
      process.kill(pid, 'SIGKILL');
    }
  });
});
