'use client';

/** Loads wizard-validation.ts once; `loadedValidation()` answers synchronously once it is there. */
export type WizardValidation = typeof import('./wizard-validation');

let loaded: WizardValidation | null = null;
let loading: Promise<WizardValidation> | null = null;

export function loadValidation(): Promise<WizardValidation> {
  loading ??= import('./wizard-validation').then((m) => (loaded = m));
  return loading;
}

export const loadedValidation = (): WizardValidation | null => loaded;
