/**
 * The `take-port` fault: a detached node process listening on address:port inside the host's
 * network namespace (`nsenter --net` execs node, so the pid is node's), so a preflight port check
 * on that host sees the port in use. Its pid is recorded in state.json and killed by
 * `restore` / `release-port` / `down`.
 */
import { spawn } from 'node:child_process';
import { pidAlive } from './lock';

const HOLDER = `
const [port, host] = process.argv.slice(-2);
const s = require('net').createServer((c) => c.destroy());
s.on('error', (e) => { process.stderr.write(String(e.code || e.message) + '\\n'); process.exit(1); });
s.listen(Number(port), host, () => process.stdout.write('listening\\n'));
process.on('SIGTERM', () => process.exit(0));
`;

export function holdPort(netnsFile: string, address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('nsenter', [`--net=${netnsFile}`, process.execPath, '-e', HOLDER, String(port), address], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`could not take ${address}:${port}: no answer from the holder`));
    }, 5000);
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`could not take ${address}:${port}: ${err.trim() || `exit ${code}`}`));
    });
    child.stdout.on('data', (d: Buffer) => {
      if (!d.toString().includes('listening') || child.pid === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      child.stdout.destroy();
      child.stderr.destroy();
      child.unref();
      resolve(child.pid);
    });
  });
}

export function releasePort(pid: number): void {
  if (pidAlive(pid)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
}
