/**
 * SQLite only: the database and its journal files are readable and writable by the wizard's user
 * alone (0600), like the secret key. `prisma migrate deploy` creates the file with the process
 * umask (often 0644); SQLite gives the -wal / -shm files the mode of the database file, so fixing
 * the database before they are opened, and each of them that already exists, covers all of them.
 */
import fs from 'node:fs';
import { sqliteFileOf } from './db';
import { loadEnv } from './env';

const SUFFIXES = ['', '-wal', '-shm', '-journal'];

export function protectDatabaseFiles(): void {
  const { databaseKind, databaseUrl } = loadEnv();
  if (databaseKind !== 'sqlite') return;
  const file = sqliteFileOf(databaseUrl);
  for (const suffix of SUFFIXES) {
    try {
      fs.chmodSync(`${file}${suffix}`, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}
