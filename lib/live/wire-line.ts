/** One run log line on the wire (socket batches, backfill): [seq, stage, host, kind, failed(0|1), text, t (ms)]. */
export type WireLine = [number, string, string | null, string, 0 | 1, string, number];

export const seqOfWireLine = (l: WireLine): number => l[0];
