/** Connect, run `fn` with the session, always close — the usual way to talk to one host. */
import { connectHost } from './connect';
import type { SshSession } from './session';
import type { ConnectOptions, SshTarget } from './types';

export async function withHost<T>(target: SshTarget, fn: (session: SshSession) => Promise<T>, opts?: ConnectOptions): Promise<T> {
  const session = await connectHost(target, opts);
  try {
    return await fn(session);
  } finally {
    session.close();
  }
}
