/**
 * Host keys, trust on first use: the first contact records the key untrusted ("new") and the run
 * proceeds; a later different key fails the host's SSH check and is stored as pending until the
 * operator accepts it. The pending key is stored whole (algorithm + base64 blob, from the refused
 * handshake), so accepting it stores the real key; the next successful contact refreshes it.
 * "Trust all new keys" confirms first-seen keys only: a changed key is always accepted one by one.
 */
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
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
    state: r.pendingFingerprint ? 'changed' : r.trusted ? 'trusted' : 'new',
    firstSeen: r.firstSeen.toISOString(),
    ...(r.pendingFingerprint ? { pendingFingerprint: r.pendingFingerprint } : {}),
    ...(r.pendingSeenAt ? { pendingSeenAt: r.pendingSeenAt.toISOString() } : {}),
  }));
}

/** The operator accepts the host's key: a pending key becomes the current one; trusted from now on. */
export async function trustHostKey(installId: string, host: string): Promise<HostKeyView> {
  const db = getDb();
  const row = await db.hostKey.findUnique({ where: { installId_host: { installId, host } } });
  if (!row) throw new NotFoundError(`no host key recorded for ${host}: run the host checks first`);
  await db.hostKey.update({
    where: { id: row.id },
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
  const views = await listHostKeys(installId);
  const view = views.find((v) => v.host === host);
  if (!view) throw new NotFoundError(`no host key recorded for ${host}`);
  return view;
}

/**
 * The operator trusts every key in state "new" at once (first seen, never trusted, no pending
 * change). Changed keys are left alone: they are accepted one by one (trustHostKey). One
 * conditional update, so a key that turned "changed" meanwhile is not trusted. Returns the hosts
 * whose key it trusted and the keys as they are now.
 */
export async function trustNewHostKeys(installId: string): Promise<{ trusted: string[]; keys: HostKeyView[] }> {
  const db = getDb();
  const install = await db.install.findUnique({ where: { id: installId }, select: { id: true } });
  if (!install) throw new NotFoundError(`install ${installId} not found`);
  const trusted = await db.$transaction(async (tx) => {
    const fresh = { installId, trusted: false, pendingFingerprint: null };
    const rows = await tx.hostKey.findMany({ where: fresh, select: { id: true, host: true }, orderBy: { host: 'asc' } });
    await tx.hostKey.updateMany({ where: { ...fresh, id: { in: rows.map((r) => r.id) } }, data: { trusted: true } });
    return rows.map((r) => r.host);
  });
  return { trusted, keys: await listHostKeys(installId) };
}
