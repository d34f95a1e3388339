/**
 * Sequence numbers of log lines and preflight results, as clients send them back (`?after=`, a
 * socket's `afterSeq`): whole numbers from 0 to the largest value the database column holds
 * (Prisma `Int`, 32-bit). Anything else is refused up front, never handed to a query.
 */
export const MAX_SEQ = 2_147_483_647;

/** The sequence number written in `raw` (decimal digits only), or undefined. */
export function parseSeq(raw: string): number | undefined {
  if (!/^\d{1,10}$/.test(raw)) return undefined;
  const seq = Number(raw);
  return seq <= MAX_SEQ ? seq : undefined;
}
