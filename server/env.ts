/**
 * The validated process environment, parsed once (and cached on globalThis, because Next may load
 * this module a second time inside its route bundles).
 *
 * Invariants:
 * - every problem is reported at once, in one EnvError naming the variable and the expected format;
 * - KSW_DATA_DIR is absolute and exists with mode 0700 once loadEnv() returned;
 * - KSW_SECRET_KEY, when given, decodes to exactly 32 bytes (64 hex chars or base64);
 * - secret values are never part of an error message.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isIP } from 'node:net';
import { MAX_PASSWORD_LENGTH } from '@/lib/api/password-length';
import { normaliseAddress } from './http/client-address';

export interface Env {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  databaseKind: 'sqlite' | 'postgres';
  /** 32-byte key, or undefined: the key is then generated into `<dataDir>/secret.key`. */
  secretKey: Buffer | undefined;
  adminPassword: string | undefined;
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (KSW_TRUSTED_PROXIES), normalised. */
  trustedProxies: string[];
  /** Origins the wizard is reached at besides its own address (KSW_PUBLIC_URL), e.g. https://wizard.example.com. */
  publicUrls: string[];
  /** An install stage with no output for this long is stopped (KSW_STAGE_IDLE_TIMEOUT, seconds). */
  stageIdleTimeoutS: number;
  /** Keep each stage's dir on the taskbox (events, output; never its secret/ dir) for debugging (KSW_KEEP_STAGE_DIRS=1). */
  keepStageDirs: boolean;
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Decodes a 32-byte key given as 64 hex chars or as base64; undefined when it is neither. */
export function decodeSecretKey(raw: string): Buffer | undefined {
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 32) return bytes;
  }
  return undefined;
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** `https://host[:port]` (a trailing `/` allowed) → its origin; undefined for anything else. */
export function publicOriginOf(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    const bare = url.username === '' && url.password === '' && url.search === '' && url.hash === '' && url.pathname === '/';
    return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'PORT must be a number between 1 and 65535' })
      .int('PORT must be a whole number between 1 and 65535')
      .min(1, 'PORT must be between 1 and 65535')
      .max(65535, 'PORT must be between 1 and 65535')
      .default(3000),
  ),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  KSW_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data')),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (v) => v.startsWith('file:') || /^postgres(ql)?:\/\//.test(v),
        'DATABASE_URL must be file:/path/to/db.sqlite (SQLite) or postgresql://user:pass@host/db',
      )
      .optional(),
  ),
  KSW_SECRET_KEY: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(
        (v) => decodeSecretKey(v) !== undefined,
        'KSW_SECRET_KEY must be 32 bytes written as 64 hex characters or as base64 (e.g. `openssl rand -hex 32`)',
      )
      .optional(),
  ),
  KSW_ADMIN_PASSWORD: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .min(8, 'KSW_ADMIN_PASSWORD must be at least 8 characters long')
      .max(MAX_PASSWORD_LENGTH, `KSW_ADMIN_PASSWORD must be at most ${MAX_PASSWORD_LENGTH} characters long`)
      .optional(),
  ),
  KSW_STAGE_IDLE_TIMEOUT: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'KSW_STAGE_IDLE_TIMEOUT must be a number of seconds' })
      .int('KSW_STAGE_IDLE_TIMEOUT must be a whole number of seconds')
      .min(1, 'KSW_STAGE_IDLE_TIMEOUT must be at least 1 second')
      .default(3600),
  ),
  KSW_KEEP_STAGE_DIRS: z.preprocess(emptyToUndefined, z.enum(['0', '1'], { error: 'KSW_KEEP_STAGE_DIRS must be 1 (keep) or 0' }).default('0')),
  KSW_PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((u) => u.trim())
          .filter((u) => u !== ''),
      )
      .refine(
        (list) => list.every((u) => publicOriginOf(u) !== undefined),
        'KSW_PUBLIC_URL must be the URL(s) the wizard is opened at, scheme and host (and port) only, separated by commas (e.g. https://wizard.example.com)',
      )
      .optional(),
  ),
  KSW_TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .transform((v) =>
        v
          .split(',')
          .map((a) => a.trim())
          .filter((a) => a !== ''),
      )
      .refine(
        (list) => list.every((a) => isIP(a) !== 0),
        'KSW_TRUSTED_PROXIES must be IP addresses separated by commas (the reverse proxies in front of the wizard, e.g. 127.0.0.1)',
      )
      .optional(),
  ),
});

const globalEnv = globalThis as unknown as { __kswEnv?: Env };

/** Parses `source` (default process.env); throws EnvError listing every problem. Cached for process.env. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const useCache = source === process.env;
  if (useCache && globalEnv.__kswEnv) return globalEnv.__kswEnv;

  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.KSW_DATA_DIR);
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dataDir, 0o700);
  } catch (err) {
    throw new EnvError([`KSW_DATA_DIR: cannot create ${dataDir} (${(err as Error).message})`]);
  }
  const env: Env = {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `file:${path.join(dataDir, 'ks-wizard.db')}`,
    databaseKind: e.DATABASE_URL?.startsWith('postgres') ? 'postgres' : 'sqlite',
    secretKey: e.KSW_SECRET_KEY === undefined ? undefined : decodeSecretKey(e.KSW_SECRET_KEY),
    adminPassword: e.KSW_ADMIN_PASSWORD,
    trustedProxies: (e.KSW_TRUSTED_PROXIES ?? []).map(normaliseAddress),
    publicUrls: (e.KSW_PUBLIC_URL ?? []).flatMap((u) => publicOriginOf(u) ?? []),
    stageIdleTimeoutS: e.KSW_STAGE_IDLE_TIMEOUT,
    keepStageDirs: e.KSW_KEEP_STAGE_DIRS === '1',
  };
  if (useCache) globalEnv.__kswEnv = env;
  return env;
}

/** Forgets the cached env (tests that change process.env). */
export function resetEnvCache(): void {
  globalEnv.__kswEnv = undefined;
}
