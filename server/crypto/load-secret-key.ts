/**
 * The key of the secret box: KSW_SECRET_KEY when set, else `<dataDir>/secret.key` (64 hex chars),
 * generated once with mode 0600. A key file readable by others is tightened to 0600 with a warning.
 * Cached on globalThis; the key itself is never logged.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeSecretKey, loadEnv, type Env } from '../env';

const globalKey = globalThis as unknown as { __kswSecretKey?: Buffer };

export function loadSecretKey(env: Env = loadEnv()): Buffer {
  if (globalKey.__kswSecretKey) return globalKey.__kswSecretKey;
  const key = env.secretKey ?? readOrCreateKeyFile(path.join(env.dataDir, 'secret.key'));
  globalKey.__kswSecretKey = key;
  return key;
}

function readOrCreateKeyFile(file: string): Buffer {
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    console.log(`[ks-wizard] generated a new secret key in ${file} (keep it with the database)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (mode !== 0o600) {
    fs.chmodSync(file, 0o600);
    console.warn(`[ks-wizard] ${file} had mode ${mode.toString(8)}; changed it to 600`);
  }
  const key = decodeSecretKey(fs.readFileSync(file, 'utf8'));
  if (!key) throw new Error(`${file} does not hold a 32-byte key (64 hex characters)`);
  return key;
}

/** Forgets the cached key (tests). */
export function resetSecretKeyCache(): void {
  globalKey.__kswSecretKey = undefined;
}
