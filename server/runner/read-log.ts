/**
 * Reading a run's log from the DB by sequence number (backfill for sockets, NDJSON download).
 * Rows are read in pages so a 1,000,000-line log never sits in memory at once.
 */
import { getDb } from '../db';
import type { WireLine } from './log-writer';

export interface LogRow {
  seq: number;
  stage: string;
  host: string | null;
  kind: string;
  failed: boolean;
  text: string;
  at: Date;
}

export async function readLogPage(runId: string, afterSeq: number, limit: number): Promise<LogRow[]> {
  return getDb().logLine.findMany({
    where: { runId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    take: limit,
    select: { seq: true, stage: true, host: true, kind: true, failed: true, text: true, at: true },
  });
}

export function toWire(row: LogRow): WireLine {
  return [row.seq, row.stage, row.host, row.kind, row.failed ? 1 : 0, row.text, row.at.getTime()];
}

/** NDJSON stream of every line after `afterSeq`. */
export function streamLogNdjson(runId: string, afterSeq: number): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let cursor = afterSeq;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = await readLogPage(runId, cursor, 5000);
      if (rows.length === 0) {
        controller.close();
        return;
      }
      cursor = rows[rows.length - 1]?.seq ?? cursor;
      const text = rows
        .map((r) =>
          JSON.stringify({
            seq: r.seq,
            stage: r.stage,
            ...(r.host ? { host: r.host } : {}),
            kind: r.kind,
            failed: r.failed,
            text: r.text,
            at: r.at.toISOString(),
          }),
        )
        .join('\n');
      controller.enqueue(enc.encode(`${text}\n`));
    },
  });
}
