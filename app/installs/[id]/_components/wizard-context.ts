'use client';

import { createContext, useContext } from 'react';
import type { CrossInstallIssue } from '@/lib/config/cross-install-hosts';
import type { ConfigIssueWithStep } from '@/lib/config/issues';
import type { InstallConfig } from '@/lib/config/schema';

export interface FocusRequest {
  path: string;
  nonce: number;
}

export interface WizardContextValue {
  installId: string;
  installName: string;
  errors: ConfigIssueWithStep[];
  /** Rule warnings, plus hosts that are also hosts of an install that ran (never block). */
  warnings: ConfigIssueWithStep[];
  /**
   * Hosts that are also hosts of another install, both severities: `warning` ones are in
   * `warnings` too; `info` ones (the other install is only a plan) are only here.
   */
  crossInstall: CrossInstallIssue[];
  /** Switch to the step owning `path` and focus its field. */
  goToIssue: (path: string) => void;
  focusRequest: FocusRequest | null;
  /** Saves the draft now; resolves true when the server has it. */
  saveNow: () => Promise<boolean>;
  /** Replaces the form with a config the server saved (e.g. after "Use the local lab"). */
  reloadConfig: (config: InstallConfig) => void;
}

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const ctx = useContext(WizardContext);
  if (!ctx) throw new Error('useWizard outside the wizard');
  return ctx;
}

/** Issues whose path is `prefix` or below it. */
export function issuesUnder<T extends { path: string }>(list: T[], prefix: string): T[] {
  return list.filter((i) => i.path === prefix || i.path.startsWith(`${prefix}.`));
}
