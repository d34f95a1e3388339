/**
 * Direct access to the e2e server's SQLite database (the data dir playwright.config.ts gives it), to
 * put runs in a state the run page must show without running the installer on lab hosts.
 */
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const PORT = Number(process.env.E2E_PORT ?? 3200);
const DB_FILE = path.join(os.tmpdir(), `ksw-e2e-${PORT}`, 'ks-wizard.db');

export interface StageRow {
  name: string;
  status: string;
  /** null: the stage never started */
  startedAt: Date | null;
  error?: string;
}

/** Inserts a run of `installId` with these stages (no hosts, no log); returns its id. */
export function insertRun(installId: string, status: string, stages: StageRow[]): string {
  const db = new Database(DB_FILE);
  try {
    const id = `e2erun${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const now = new Date().toISOString();
    const finished = status === 'running' || status === 'queued' ? null : now;
    db.transaction(() => {
      db.prepare('INSERT INTO Run (id, installId, mode, status, createdAt, startedAt, finishedAt) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        id,
        installId,
        'full',
        status,
        now,
        now,
        finished,
      );
      stages.forEach((s, position) => {
        const started = s.startedAt ? s.startedAt.toISOString() : null;
        const ended = s.status === 'running' || s.status === 'queued' ? null : now;
        db.prepare('INSERT INTO Stage (id, runId, position, name, playbook, status, error, startedAt, finishedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
          `${id}s${position}`,
          id,
          position,
          s.name,
          '',
          s.status,
          s.error ?? null,
          started,
          ended,
        );
      });
    })();
    return id;
  } finally {
    db.close();
  }
}

/** Records a trusted host key of `host` that has since presented another one (state "changed"). */
export function insertChangedHostKey(installId: string, host: string, fingerprint: string, pendingFingerprint: string): void {
  const db = new Database(DB_FILE);
  try {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO HostKey (id, installId, host, address, algorithm, fingerprint, publicKey, trusted, firstSeen,
         pendingFingerprint, pendingPublicKey, pendingAlgorithm, pendingSeenAt) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)`,
    ).run(
      `e2ekey${Date.now().toString(36)}`,
      installId,
      host,
      `${host}:22`,
      'ssh-ed25519',
      fingerprint,
      'AAAAold',
      now,
      pendingFingerprint,
      'AAAAnew',
      'ssh-ed25519',
      now,
    );
  } finally {
    db.close();
  }
}
