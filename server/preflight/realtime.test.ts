import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test-support/fresh-db';
import { handleJoin } from './realtime';

useFreshDatabase();

describe('preflight:join', () => {
  const joined: string[] = [];
  const socket = { join: (room: string) => void joined.push(room) };

  it.each([[1e23], [2 ** 31], [-1], [1.5], ['7']])('refuses afterSeq %s before joining a room or querying', async (afterSeq) => {
    joined.length = 0;
    const ack = await handleJoin(socket, { runId: 'some-run', afterSeq });
    expect(ack).toEqual({ ok: false, error: expect.stringContaining('afterSeq a whole number from 0 to 2147483647') });
    expect(joined).toEqual([]);
  });

  it('joins the room and names an unknown run', async () => {
    joined.length = 0;
    const ack = await handleJoin(socket, { runId: 'no-such-run', afterSeq: 2 ** 31 - 1 });
    expect(ack).toEqual({ ok: false, error: 'preflight run no-such-run not found' });
    expect(joined).toEqual(['preflight:no-such-run']);
  });
});
