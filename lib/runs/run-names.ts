/**
 * Readable names for an install's runs: "Run 3" by the order they were created (the first run is
 * Run 1), what the run did in words, and how long it took.
 */
import { formatDuration } from './format-duration';

const MODE_WORDS: Record<string, string> = {
  full: 'Install',
  failed: 'Retry failed hosts',
  resume: 'Finish the install',
  stage: 'Re-run one stage',
};

export function modeWords(mode: string): string {
  return MODE_WORDS[mode] ?? mode;
}

/** Run numbers by id; `runs` in any order, numbered oldest first. */
export function runNumbers(runs: readonly { id: string; createdAt: string }[]): Map<string, number> {
  const oldestFirst = [...runs].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id));
  return new Map(oldestFirst.map((r, i) => [r.id, i + 1]));
}

/** "4m 05s", "running 12s" while it runs, or "—" without a start. */
export function runDuration(run: { createdAt: string; finishedAt: string | null }, now: number): string {
  const start = Date.parse(run.createdAt);
  if (Number.isNaN(start)) return '—';
  if (!run.finishedAt) return `running ${formatDuration(now - start)}`;
  return formatDuration(Date.parse(run.finishedAt) - start);
}
