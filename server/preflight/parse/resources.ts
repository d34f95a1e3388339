/** CPU, memory, swap and disk output (nproc, /proc/meminfo, /proc/swaps, df -P -k). Pure. */

export function parseNproc(text: string): number | undefined {
  const n = Number(text.trim().split('\n')[0]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export interface MemInfo {
  memTotalKb: number;
  memAvailableKb?: number;
  swapTotalKb?: number;
}

export function parseMeminfo(text: string): MemInfo | undefined {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^(\w+):\s+(\d+)\s*kB/.exec(line.trim());
    if (m) values.set(m[1], Number(m[2]));
  }
  const memTotalKb = values.get('MemTotal');
  if (memTotalKb === undefined) return undefined;
  return { memTotalKb, memAvailableKb: values.get('MemAvailable'), swapTotalKb: values.get('SwapTotal') };
}

export interface SwapDevice {
  name: string;
  type: string;
  sizeKb: number;
}

/** /proc/swaps (same columns as `swapon -s`): a header line, then one line per active device. */
export function parseSwaps(text: string): SwapDevice[] {
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 3 && cols[0] !== 'Filename' && /^\d+$/.test(cols[2]))
    .map(([name, type, size]) => ({ name, type, sizeKb: Number(size) }));
}

export interface DfEntry {
  filesystem: string;
  sizeKb: number;
  usedKb: number;
  availKb: number;
  mount: string;
}

/** `df -P -k`: POSIX format, one line per file system (names with spaces are not split by -P). */
export function parseDf(text: string): DfEntry[] {
  const out: DfEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+%\s+(.+)$/.exec(line.trim());
    if (m) out.push({ filesystem: m[1], sizeKb: Number(m[2]), usedKb: Number(m[3]), availKb: Number(m[4]), mount: m[5] });
  }
  return out;
}
