/** Clock offset to the wizard's server, and etcd disk latency. */
import { hasRole, pass, warn, fail } from './util';
import type { HostCheck } from '../types';

export const CLOCK_WARN_MS = 1000;
export const CLOCK_FAIL_MS = 10_000;
export const FSYNC_WARN_MS = 10;

export const clockCheck: HostCheck = {
  id: 'clock',
  title: 'Clock',
  run({ facts }) {
    const c = facts.clock;
    if (!c) return warn('Could not read the host clock (date +%s.%N).', 'Check that date works on the host and time is synchronised (chrony or ntpd).');
    const abs = Math.abs(c.offsetMs);
    // The offset is known to ± half the round trip; judge the part that is certain.
    const certain = Math.max(0, abs - c.uncertaintyMs);
    const direction = c.offsetMs >= 0 ? 'ahead of' : 'behind';
    const amount = abs >= 1000 ? `${(abs / 1000).toFixed(1)} s` : `${Math.round(abs)} ms`;
    const evidence = `host: ${c.remoteText}\noffset ${Math.round(c.offsetMs)} ms ± ${Math.round(c.uncertaintyMs)} ms (round trip compensated)`;
    const message = `The host clock is ${amount} ${direction} the wizard's server (± ${Math.round(c.uncertaintyMs)} ms).`;
    const hint = 'Synchronise time on every host (chrony or ntpd against the same server): etcd and certificates fail on skewed clocks.';
    if (certain >= CLOCK_FAIL_MS) return fail(message, hint, evidence);
    if (certain >= CLOCK_WARN_MS) return warn(message, hint, evidence);
    return pass(message, evidence);
  },
};

export const fsyncCheck: HostCheck = {
  id: 'fsync',
  title: 'etcd disk latency',
  appliesTo: hasRole('etcd'),
  run({ facts }) {
    const f = facts.fsync;
    if (!f) return warn(`Could not measure the disk latency: ${facts.fsyncError ?? 'no output'}.`, 'Check that dd and mktemp work under /var/lib.');
    const ms = f.perWriteMs;
    const text = `${ms < 1 ? ms.toFixed(2) : ms.toFixed(1)} ms per synchronous 2 KiB write (mean of ${f.writes})`;
    if (ms > FSYNC_WARN_MS) {
      return warn(
        `${text}: etcd needs its WAL fsync under ${FSYNC_WARN_MS} ms (99th percentile); a slow disk makes leader elections fail.`,
        'Put /var/lib/etcd on an SSD or a faster volume; avoid network disks with high latency.',
        f.output,
      );
    }
    return pass(`${text} (etcd wants under ${FSYNC_WARN_MS} ms).`, f.output);
  },
};
