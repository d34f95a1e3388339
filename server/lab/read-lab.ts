/**
 * The local lab (lab/) as the app sees it: whether it is up, and its hosts. Reads `state.json`
 * and each host's sshd pid file directly instead of importing lab/lab.ts, whose module graph
 * (apt, unshare, sshd control) has no place in the server bundle.
 *
 * Invariants:
 * - `readLab()` never returns the lab password or key paths: it is what GET /api/lab answers.
 * - `readLabLogin()` (server-only) adds the lab user and password, for `useLabHosts` to encrypt
 *   into an install like any operator-typed secret.
 * - The lab directory is resolved like lab/paths.ts does: `$KSW_LAB_DIR`, else `<cwd>/.lab`
 *   (the server runs from the repository root).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LabState } from '@/lab/state';

export interface LabHostView {
  name: string;
  address: string;
  port: number;
  up: boolean;
}

export interface LabView {
  up: boolean;
  hosts: LabHostView[];
}

export interface LabLogin extends LabView {
  user: string;
  password: string;
}

export function labDirectory(): string {
  return process.env.KSW_LAB_DIR ? path.resolve(process.env.KSW_LAB_DIR) : path.join(process.cwd(), '.lab');
}

async function readState(dir: string): Promise<LabState | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, 'state.json'), 'utf8')) as LabState;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || e instanceof SyntaxError) return undefined;
    throw e;
  }
}

/** The host's sshd is alive: its pid file names a live process whose command is sshd. */
async function sshdAlive(dir: string, name: string): Promise<boolean> {
  const pid = Number((await readFile(path.join(dir, 'hosts', name, 'sshd.pid'), 'utf8').catch(() => '')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => undefined);
  return comm === undefined || comm.trim() === 'sshd';
}

async function load(): Promise<{ view: LabView; state?: LabState }> {
  const dir = labDirectory();
  const state = await readState(dir);
  if (!state) return { view: { up: false, hosts: [] } };
  const hosts = await Promise.all(state.hosts.map(async (h) => ({ name: h.name, address: h.address, port: h.port, up: await sshdAlive(dir, h.name) })));
  return { view: { up: hosts.some((h) => h.up), hosts }, state };
}

export async function readLab(): Promise<LabView> {
  return (await load()).view;
}

export async function readLabLogin(): Promise<LabLogin | undefined> {
  const { view, state } = await load();
  if (!state || !view.up) return undefined;
  return { ...view, user: state.user, password: state.password };
}
