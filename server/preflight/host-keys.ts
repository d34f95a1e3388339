/**
 * Host keys belong to an ENDPOINT (address:port), never to a host's name: renaming a host keeps its
 * key, pointing a name at another address or port is a first contact there. The inventory name in
 * a row is the one the endpoint was last checked under, for messages only.
 *
 * Trust: a key is recorded untrusted ("new") by a first contact, which authenticates with nothing
 * (probeHostKey); only a trusted key, or a first contact the operator explicitly started with
 * "trust new keys", lets the wizard log in. A later different key fails the host's SSH check before
 * any secret is sent and is stored as pending until the operator accepts it. The pending key is
 * stored whole (algorithm + base64 blob, from the refused handshake), so accepting it stores the
 * real key. "Trust all new keys" confirms first-seen keys only: a changed key is always accepted
 * one by one. Every trust names the fingerprint the operator was shown, and nothing else is
 * trusted: a key first seen, replaced or changed after the page loaded its list is left as it is.
 */
import { endpointOf } from '@/lib/config/endpoint';
import { getDb } from '../db';
import { HttpError, NotFoundError } from '../http/errors';
import { parseStoredConfig } from '../installs/parse-stored-config';
import type { HostKeyFingerprint, PresentedHostKey, SshError } from '../ssh';
import { preflightHosts } from './preflight-hosts';
import type { HostKeyState, HostKeyView, ShownHostKey, SkipReason, SkippedHostKey } from '@/lib/api/preflight';

export type { HostKeyState, HostKeyView, ShownHostKey, SkipReason, SkippedHostKey };

/** The endpoint a key belongs to, as stored in HostKey.address. */
export { endpointOf };

/**
 * What the wizard knows of an endpoint's key: trusted (log in pinned to it); changed (another key
 * is pending the operator's accept: stay pinned to the recorded one, so the login is refused before
 * anything is sent); recorded but never trusted; or nothing.
 */
export type EndpointKey = { state: 'trusted' | 'changed' | 'untrusted'; key: HostKeyFingerprint } | { state: 'none' };

export async function endpointKey(installId: string, endpoint: string): Promise<EndpointKey> {
  const row = await getDb().hostKey.findUnique({ where: { installId_address: { installId, address: endpoint } } });
  if (!row) return { state: 'none' };
  const key = { algorithm: row.algorithm, fingerprint: row.fingerprint };
  if (row.pendingFingerprint) return { state: 'changed', key };
  return { state: row.trusted ? 'trusted' : 'untrusted', key };
}

/** The key the operator trusted for an endpoint; undefined when none is (never log in then). */
export async function trustedHostKey(installId: string, endpoint: string): Promise<HostKeyFingerprint | undefined> {
  const known = await endpointKey(installId, endpoint);
  return known.state === 'trusted' ? known.key : undefined;
}

/**
 * Records the key an endpoint presented: a first key (trusted only when `trust` says the operator
 * chose "trust new keys" for this check), a new key replacing an untrusted one (nothing was trusted
 * there), or a refresh of the stored blob and name for the same key. Never replaces a trusted key.
 */
export async function recordHostKey(installId: string, host: string, endpoint: string, key: PresentedHostKey, trust = false): Promise<void> {
  const db = getDb();
  const row = await db.hostKey.findUnique({ where: { installId_address: { installId, address: endpoint } } });
  const blob = { algorithm: key.algorithm, fingerprint: key.fingerprint, publicKey: key.publicKey };
  if (!row) {
    await db.hostKey.create({ data: { installId, host, address: endpoint, ...blob, trusted: trust } });
    return;
  }
  if (row.fingerprint === key.fingerprint) {
    if (row.publicKey !== key.publicKey || row.algorithm !== key.algorithm || row.host !== host || (trust && !row.trusted)) {
      await db.hostKey.update({
        where: { id: row.id },
        data: { publicKey: key.publicKey, algorithm: key.algorithm, host, ...(trust ? { trusted: true } : {}) },
      });
    }
    return;
  }
  if (!row.trusted && !row.pendingFingerprint) {
    await db.hostKey.updateMany({
      where: { id: row.id, trusted: false, fingerprint: row.fingerprint },
      data: { ...blob, host, trusted: trust, firstSeen: new Date() },
    });
  }
}

export async function recordChangedHostKey(installId: string, endpoint: string, error: SshError): Promise<void> {
  const actual = error.details.actualFingerprint;
  if (!actual) return;
  await getDb().hostKey.updateMany({
    where: { installId, address: endpoint },
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
  const rows = await db.hostKey.findMany({ where: { installId }, orderBy: [{ host: 'asc' }, { address: 'asc' }] });
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

type Db = Pick<ReturnType<typeof getDb>, 'hostKey' | 'install'>;

/** The row of a shown key: by the endpoint sent, else where the host points now, else the one row under that name. */
async function rowOfShown(db: Db, installId: string, key: ShownHostKey) {
  if (key.address) return db.hostKey.findUnique({ where: { installId_address: { installId, address: key.address } } });
  const install = await db.install.findUnique({ where: { id: installId } });
  const now = install ? preflightHosts(parseStoredConfig(install)).find((h) => h.name === key.host) : undefined;
  if (now) {
    const row = await db.hostKey.findUnique({ where: { installId_address: { installId, address: endpointOf(now) } } });
    if (row) return row;
  }
  const named = await db.hostKey.findMany({ where: { installId, host: key.host } });
  return named.length === 1 ? named[0] : null;
}

/**
 * The operator accepts the host's key as shown: `fingerprint` is the key's fingerprint, or for a
 * changed key the one it now presents (pendingFingerprint). A pending key becomes the current one;
 * trusted from now on. 409 when the key is not the one shown (one conditional update, so a key that
 * changed between the check and the write is refused too).
 */
export async function trustHostKey(installId: string, host: string, fingerprint: string, address?: string): Promise<HostKeyView> {
  const db = getDb();
  const shown: ShownHostKey = { host, fingerprint, ...(address ? { address } : {}) };
  const row = await rowOfShown(db, installId, shown);
  if (!row) throw new NotFoundError(`no host key recorded for ${host}${shown.address ? ` at ${shown.address}` : ''}: run the host checks first`);
  const presented = row.pendingFingerprint ?? row.fingerprint;
  if (presented !== fingerprint) {
    throw new HttpError(
      409,
      `the host key of ${host} is not the one shown (${fingerprint}): at ${row.address} it is now ${presented}. Compare it with the machine again before trusting it.`,
    );
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
  const view = views.find((v) => v.address === row.address);
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
      const row = await rowOfShown(tx, installId, key);
      if (!row) {
        skipped.push({ ...key, reason: 'unknown-host' });
        continue;
      }
      const { count } = await tx.hostKey.updateMany({
        where: { id: row.id, fingerprint: key.fingerprint, trusted: false, pendingFingerprint: null },
        data: { trusted: true },
      });
      if (count > 0) trusted.push(key.host);
      else if (row.fingerprint !== key.fingerprint) {
        skipped.push({ ...key, reason: 'changed-since-shown', state: stateOf(row), currentFingerprint: row.fingerprint });
      } else skipped.push({ ...key, reason: 'not-new', state: stateOf(row) });
    }
    return { trusted, skipped };
  });
  return { ...result, keys: await listHostKeys(installId) };
}
