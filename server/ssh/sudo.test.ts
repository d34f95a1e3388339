import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { plainCommandLine, scanClockMark, withClockSample } from './sudo';

describe('clock reading on the command channel', () => {
  it('prints the reading first, then runs the command, in sh', () => {
    const out = execFileSync('sh', ['-c', withClockSample(plainCommandLine(['printf', '%s', 'a b']))], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const scan = scanClockMark(out);
    expect(scan.state).toBe('found');
    if (scan.state !== 'found') return;
    expect(scan.remoteText).toMatch(/^\d{10}\.\d{9}$/);
    expect(Math.abs(Number(scan.remoteText) * 1000 - Date.now())).toBeLessThan(5_000);
    expect(scan.rest).toBe('a b');
  });

  it('waits for a mark that has only begun, and gives up on output that is not one', () => {
    expect(scanClockMark('')).toEqual({ state: 'waiting' });
    expect(scanClockMark('<<ksw-cl')).toEqual({ state: 'waiting' });
    expect(scanClockMark('<<ksw-clock:1700000000.5')).toEqual({ state: 'waiting' });
    expect(scanClockMark('<<ksw-clock:1700000000.5>>\nrest')).toEqual({ state: 'found', remoteText: '1700000000.5', rest: 'rest' });
    expect(scanClockMark('hello\n')).toEqual({ state: 'absent' });
    expect(scanClockMark(`<<ksw-clock:${'9'.repeat(80)}`)).toEqual({ state: 'absent' });
  });

  it('keeps a date that cannot print nanoseconds visible to the parser', () => {
    expect(scanClockMark('<<ksw-clock:1700000000.%N>>\n')).toMatchObject({ state: 'found', remoteText: '1700000000.%N' });
  });
});
