import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLineSplitter, parseEventLine } from './parse-event-line';

// a line as ksw_events.py writes it
const FAILED_LINE =
  '{"counter":12,"event":"runner_on_failed","uuid":"0b1c2d3e-4f50-4617-8a9b-0c1d2e3f4a5b","created":"2026-12-02T13:00:00.123456",' +
  '"stdout":"fatal: [node1]: FAILED! => {\\"msg\\": \\"caf\\u00e9\\"}","event_data":{"host":"node1","task":"Start etcd","ignore_errors":false,"res":{"msg":"caf\\u00e9","rc":1}}}';

describe('parseEventLine', () => {
  it('reads a line of the callback plugin as a job event', () => {
    expect(parseEventLine(FAILED_LINE)).toEqual({
      ok: true,
      event: {
        counter: 12,
        event: 'runner_on_failed',
        created: '2026-12-02T13:00:00.123456',
        stdout: 'fatal: [node1]: FAILED! => {"msg": "café"}',
        event_data: { host: 'node1', task: 'Start etcd', ignore_errors: false, res: { msg: 'café', rc: 1 } },
      },
    });
    expect(parseEventLine('{"counter":1,"event":"playbook_on_start"}\r')).toEqual({ ok: true, event: { counter: 1, event: 'playbook_on_start' } });
  });

  it('says why a line is not an event', () => {
    const reasonOf = (line: string) => {
      const parsed = parseEventLine(line);
      return parsed.ok ? 'parsed' : parsed.reason;
    };
    expect(reasonOf('')).toBe('empty line');
    expect(reasonOf('{"counter":999,"event":"cut off by a k')).toBe('not JSON (38 characters; cut short, or not written by ksw_events)');
    expect(reasonOf('[1,2]')).toBe('not a JSON object');
    expect(reasonOf('null')).toBe('not a JSON object');
    for (const counter of ['0', '-1', '1.5', '"3"', 'null', '1e300']) expect(reasonOf(`{"counter":${counter},"event":"x"}`)).toBe('no integer counter ≥ 1');
    expect(reasonOf('{"event":"x"}')).toBe('no integer counter ≥ 1');
    expect(reasonOf('{"counter":1}')).toBe('no event name');
    expect(reasonOf('{"counter":1,"event":""}')).toBe('no event name');
    expect(reasonOf('{"counter":1,"event":"x","stdout":3}')).toBe('stdout is not text');
    expect(reasonOf('{"counter":1,"event":"x","created":0}')).toBe('created is not text');
    expect(reasonOf('{"counter":1,"event":"x","event_data":[]}')).toBe('event_data is not an object');
  });
});

describe('EventLineSplitter', () => {
  it('returns a line split across many chunks once, when its newline arrives', () => {
    const splitter = new EventLineSplitter();
    const text = `${FAILED_LINE}\n`;
    const out: string[][] = [];
    for (const ch of text) out.push(splitter.push(ch));
    expect(out.slice(0, -1).every((lines) => lines.length === 0)).toBe(true);
    expect(out.at(-1)).toEqual([FAILED_LINE]);
    expect(splitter.offset).toBe(Buffer.byteLength(text));
    expect(splitter.hasPartialLine).toBe(false);
  });

  it('keeps a partial last line back and counts bytes, not characters, for resuming', () => {
    const file = 'é1\n{"a":"✓"}\n\n🙂 tail without newline';
    const splitter = new EventLineSplitter();
    const lines = [...splitter.push(file.slice(0, 5)), ...splitter.push(file.slice(5))];
    expect(lines).toEqual(['é1', '{"a":"✓"}', '']);
    expect(splitter.hasPartialLine).toBe(true);
    expect(splitter.offset).toBe(Buffer.byteLength('é1\n{"a":"✓"}\n\n'));
    // `tail -c +<offset + 1>` of the file gives back exactly the unfinished line
    expect(Buffer.from(file).subarray(splitter.offset).toString()).toBe('🙂 tail without newline');
    const resumed = new EventLineSplitter(splitter.offset);
    expect(resumed.push('🙂 tail without newline\nnext')).toEqual(['🙂 tail without newline']);
    expect(resumed.offset).toBe(Buffer.byteLength(file) + 1);
  });

  it('for any text and any chunking: the lines are the text up to its last newline', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', '\n', 'é', '✓', '🙂', '{', '"') }),
        fc.array(fc.nat(), { maxLength: 8 }),
        fc.nat(100),
        (text, cuts, start) => {
          const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const splitter = new EventLineSplitter(start);
          const lines: string[] = [];
          let from = 0;
          for (const to of [...points, text.length]) {
            lines.push(...splitter.push(text.slice(from, to)));
            from = to;
          }
          const complete = text.slice(0, text.lastIndexOf('\n') + 1);
          expect(lines.map((l) => `${l}\n`).join('')).toBe(complete);
          expect(splitter.offset).toBe(start + Buffer.byteLength(complete));
          expect(splitter.hasPartialLine).toBe(complete.length < text.length);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('refuses a start offset that is not a byte count', () => {
    expect(() => new EventLineSplitter(-1)).toThrow(RangeError);
    expect(() => new EventLineSplitter(1.5)).toThrow(RangeError);
  });
});
