/**
 * Host keys, trust on first use: the first contact records the key untrusted ("new") and the run
 * proceeds; a later different key fails the host's SSH check and is stored as pending until the
 * operator accepts it. The pending key is stored whole (algorithm + base64 blob, from the refused
 * handshake), so accepting it stores the real key; the next successful contact refreshes it.
 * "Trust all new keys" confirms first-seen keys only: a changed key is always accepted one by one.
 * Every trust names the fingerprint the operator was shown, and nothing else is trusted: a key
 * first seen, replaced or changed after the page loaded its list is left as it is.
 */
import { getDb } from '../db';
import { HttpError, NotFoundError } from '../http/errors';
import type { HostKeyFingerprint, PresentedHostKey, SshError } from '../ssh';

export type HostKeyState = 'new' | 'trusted' | 'changed';
export interface HostKeyView {
  host: string;
  address: string;
  algorithm: string;
  fingerprint: string;
  state: HostKeyState;
  firstSeen: string;
  pendingFingerprint?: string;
  pendingSeenAt?: string;
}

export async function expectedHostKey(installId: string, host: string): Promise<HostKeyFingerprint | undefined> {
  const row = await getDb().hostKey.findUnique({ where: { installId_host: { installId, host } } });
  return row ? { algorithm: row.algorithm, fingerprint: row.fingerprint } : undefined;
}

/** After a successful connect: record a first key, or complete a key accepted while pending. */
export async function recordHostKey(installId: string, host: string, address: string, key: PresentedHostKey): Promise<void> {
  const db = getDb();
  const row = await db.hostKey.findUnique({ where: { installId_host: { installId, host } } });
  if (!row) {
    await db.hostKey.create({ data: { installId, host, address, algorithm: key.algorithm, fingerprint: key.fingerprint, publicKey: key.publicKey, trusted: false } });
    return;
  }
  if (row.fingerprint === key.fingerprint && (row.publicKey !== key.publicKey || row.algorithm !== key.algorithm || row.address !== address)) {
    await db.hostKey.update({ where: { id: row.id }, data: { publicKey: key.publicKey, algorithm: key.algorithm, address } });
  }
}

export async function recordChangedHostKey(installId: string, host: string, error: SshError): Promise<void> {
  const actual = error.details.actualFingerprint;
  if (!actual) return;
  await getDb().hostKey.updateMany({
    where: { installId, host },
    data: {
      pendingFingerprint: actual,
      pendingPublicKey: error.details.actualPublicKey ?? null,
      pendingAlgorithm: error.details.actualAlgorithm ?? null,
      pendingSeenAt: new Date(),
    },
  });
}

function stateOf(row: { trusted: boolean; pendingFingerprint: string | null }): HostKeyState {
  return row.pendingFingerprint ? 'changed' : row.trusted ? 'trusted' : 'new';
}

export async function listHostKeys(installId: string): Promise<HostKeyView[]> {
  const db = getDb();
  const install = await db.install.findUnique({ where: { id: installId }, select: { id: true } });
  if (!install) throw new NotFoundError(`install ${installId} not found`);
  const rows = await db.hostKey.findMany({ where: { installId }, orderBy: { host: 'asc' } });
  return rows.map((r) => ({
    host: r.host,
    address: r.address,
    algorithm: r.algorithm,
    fingerprint: r.fingerprint,
    state: stateOf(r),
    firstSeen: r.firstSeen.toISOString(),
    ...(r.pendingFingerprint ? { pendingFingerprint: r.pendingFingerprint } : {}),
    ...(r.pendingSeenAt ? { pendingSeenAt: r.pendingSeenAt.toISOString() } : {}),
  }));
}

/** A key as the operator was shown it: the host and the fingerprint on the screen. */
export interface ShownHostKey {
  host: string;
  fingerprint: string;
}

/**
 * Why a shown key was not trusted: `changed-since-shown` (the stored fingerprint is no longer the
 * one sent), `not-new` (already trusted, or the host now presents another key: see `state`),
 * `unknown-host` (no key recorded for that host in this install).
 */
export type SkipReason = 'changed-since-shown' | 'not-new' | 'unknown-host';
export interface SkippedHostKey extends ShownHostKey {
  reason: SkipReason;
  /** The key's state now (absent for an unknown host). */
  state?: HostKeyState;
  /** The fingerprint stored now, when it differs from the one sent. */
  currentFingerprint?: string;
}

/**
 * The operator accepts the host's key as shown: `fingerprint` is the key's fingerprint, or for a
 * changed key the one it now presents (pendingFingerprint). A pending key becomes the current one;
 * trusted from now on. 409 when the key is not the one shown (one conditional update, so a key that
 * changed between the check and the write is refused too).
 */
export async function trustHostKey(installId: string, host: string, fingerprint: string): Promise<HostKeyView> {
  const db = getDb();
  const row = await db.hostKey.findUnique({ where: { installId_host: { installId, host } } });
  if (!row) throw new NotFoundError(`no host key recorded for ${host}: run the host checks first`);
  const presented = row.pendingFingerprint ?? row.fingerprint;
  if (presented !== fingerprint) {
    throw new HttpError(409, `the host key of ${host} is not the one shown (${fingerprint}): it is now ${presented}. Compare it with the machine again before trusting it.`);
  }
  const { count } = await db.hostKey.updateMany({
    where: { id: row.id, fingerprint: row.fingerprint, pendingFingerprint: row.pendingFingerprint },
    data: row.pendingFingerprint
      ? {
          fingerprint: row.pendingFingerprint,
          algorithm: row.pendingAlgorithm ?? row.algorithm,
          publicKey: row.pendingPublicKey ?? '',
          firstSeen: row.pendingSeenAt ?? new Date(),
          trusted: true,
          pendingFingerprint: null,
          pendingPublicKey: null,
          pendingAlgorithm: null,
          pendingSeenAt: null,
        }
      : { trusted: true },
  });
  if (count === 0) throw new HttpError(409, `the host key of ${host} changed while it was being trusted: compare it with the machine again`);
  const views = await listHostKeys(installId);
  const view = views.find((v) => v.host === host);
  if (!view) throw new NotFoundError(`no host key recorded for ${host}`);
  return view;
}

/**
 * "Trust all new keys": trusts each shown key that is still in state "new" (first seen, never
 * trusted, no pending change) with the fingerprint shown. Each key is one conditional update on
 * exactly that, inside one transaction; a key that does not match is reported in `skipped` with
 * why, and a key not sent is never touched, even if it is "new" (seen after the page loaded).
 * Changed keys are accepted one by one (trustHostKey). Returns the hosts it trusted, the skipped
 * keys and the keys as they are now.
 */
export async function trustNewHostKeys(
  installId: string,
  shown: readonly ShownHostKey[],
): Promise<{ trusted: string[]; skipped: SkippedHostKey[]; keys: HostKeyView[] }> {
  const db = getDb();
  const install = await db.install.findUnique({ where: { id: installId }, select: { id: true } });
  if (!install) throw new NotFoundError(`install ${installId} not found`);
  const result = await db.$transaction(async (tx) => {
    const trusted: string[] = [];
    const skipped: SkippedHostKey[] = [];
    for (const key of shown) {
      const { count } = await tx.hostKey.updateMany({
        where: { installId, host: key.host, fingerprint: key.fingerprint, trusted: false, pendingFingerprint: null },
        data: { trusted: true },
      });
      if (count > 0) {
        trusted.push(key.host);
        continue;
      }
      const row = await tx.hostKey.findUnique({ where: { installId_host: { installId, host: key.host } } });
      if (!row) skipped.push({ ...key, reason: 'unknown-host' });
      else if (row.fingerprint !== key.fingerprint) {
        skipped.push({ ...key, reason: 'changed-since-shown', state: stateOf(row), currentFingerprint: row.fingerprint });
      } else skipped.push({ ...key, reason: 'not-new', state: stateOf(row) });
    }
    return { trusted, skipped };
  });
  return { ...result, keys: await listHostKeys(installId) };
}
