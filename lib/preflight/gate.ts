/**
 * The install gate (pure; used by the preflight page and by whoever starts an install):
 * a finished run with no failure, and warnings only when the operator acknowledged them.
 */
import type { PreflightStatus as RunStatus } from '@/lib/api/preflight';

export interface GateInput {
  status: RunStatus;
}

export type GateDecision = { ok: true } | { ok: false; reason: string };

export function installGate(result: GateInput | undefined, acknowledged: boolean): GateDecision {
  if (!result) return { ok: false, reason: 'Run the host checks first.' };
  switch (result.status) {
    case 'running':
      return { ok: false, reason: 'The host checks are still running.' };
    case 'failed':
      return { ok: false, reason: 'Fix the failed checks and run them again.' };
    case 'warned':
      return acknowledged ? { ok: true } : { ok: false, reason: 'Acknowledge the warnings to continue.' };
    case 'passed':
      return { ok: true };
  }
}

export function canStartInstall(result: GateInput | undefined, acknowledged: boolean): boolean {
  return installGate(result, acknowledged).ok;
}
