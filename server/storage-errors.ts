/**
 * The wizard's own storage failing (its data disk full or read-only, or the PostgreSQL server's), in
 * words an operator can act on. The same errors arrive from many places — SQLite through Prisma
 * (`SQLITE_FULL`), the log writer's better-sqlite3 connection, fs writes of a run dir (`ENOSPC`),
 * PostgreSQL (SQLSTATE 53100) — so they are recognised by code and message along the cause chain.
 */
import { loadEnv } from './env';

export type StorageProblem = 'full' | 'read-only';

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL', '53100']);
const READ_ONLY_CODES = new Set(['EROFS', 'SQLITE_READONLY']);
const FULL_TEXT = /no space left on device|database or disk is full|disk quota exceeded|could not extend file/i;
const READ_ONLY_TEXT = /read-only file system|attempt to write a readonly database/i;

/** Which storage problem, if any, an error (or one of its causes) is. */
export function storageProblemOf(err: unknown): StorageProblem | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth += 1) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    const text = typeof message === 'string' ? message : '';
    if ((typeof code === 'string' && FULL_CODES.has(code)) || FULL_TEXT.test(text)) return 'full';
    if ((typeof code === 'string' && READ_ONLY_CODES.has(code)) || READ_ONLY_TEXT.test(text)) return 'read-only';
    e = cause;
  }
  return undefined;
}

/** The operator's sentence for a storage error, or undefined when the error is something else. */
export function describeStorageError(err: unknown): string | undefined {
  const problem = storageProblemOf(err);
  if (!problem) return undefined;
  const { dataDir, databaseKind } = loadEnv();
  const where =
    databaseKind === 'postgres' ? `the wizard's data directory ${dataDir} or the PostgreSQL server's disk` : `the wizard's data directory ${dataDir}`;
  return problem === 'full'
    ? `The disk holding ${where} is full. Free space there (old run directories under runs/ can go once their runs are finished), then retry.`
    : `${where[0]?.toUpperCase()}${where.slice(1)} is read-only. Remount it read-write or point KSW_DATA_DIR at a writable disk, then retry.`;
}
