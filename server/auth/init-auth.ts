/**
 * First-start auth: when no admin exists, create it from KSW_ADMIN_PASSWORD, or else issue a
 * one-time setup token and return it for the caller to print. Never logs the password.
 */
import { getDb } from '../db';
import { loadEnv, type Env } from '../env';
import { hashPassword } from './hash-password';
import { issueSetupToken, revokeSetupToken } from './setup-token';

export type AuthInit = { kind: 'admin-exists' } | { kind: 'admin-from-env' } | { kind: 'setup-token'; token: string };

export async function initAuth(env: Env = loadEnv()): Promise<AuthInit> {
  const db = getDb();
  if (await db.admin.findUnique({ where: { id: 1 } })) {
    revokeSetupToken();
    return { kind: 'admin-exists' };
  }
  if (env.adminPassword) {
    await db.admin.create({ data: { id: 1, passwordHash: await hashPassword(env.adminPassword) } });
    revokeSetupToken();
    return { kind: 'admin-from-env' };
  }
  return { kind: 'setup-token', token: issueSetupToken() };
}

/** The box printed on start when a setup token was issued. */
export function formatSetupBanner(url: string, token: string): string {
  const lines = [
    'ks-wizard has no admin password yet.',
    `Open ${url}/setup and enter this token:`,
    '',
    `    ${token}`,
    '',
    'The token works once and only until this process stops.',
  ];
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  const bar = '═'.repeat(width);
  return [`╔${bar}╗`, ...lines.map((l) => `║ ${l.padEnd(width - 1)}║`), `╚${bar}╝`].join('\n');
}
