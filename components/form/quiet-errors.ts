'use client';
/**
 * "No red before the operator has typed": inside a QuietErrors provider set to true (the editor of
 * a host nothing was typed into yet), a field shows its error only once it was left (touched) or
 * holds a value; outside it, errors show as the form validates.
 */
import { createContext, useContext } from 'react';
import type { ControllerFieldState } from 'react-hook-form';

export const QuietErrors = createContext(false);

function hasValue(value: unknown): boolean {
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return !Number.isNaN(value);
  if (typeof value === 'object' && value !== null && 'set' in value) return (value as { set: unknown }).set === true;
  return value !== undefined && value !== null;
}

/** The error message a field shows now, or undefined. */
export function useShownError(fieldState: ControllerFieldState, value: unknown): string | undefined {
  const quiet = useContext(QuietErrors);
  if (quiet && !fieldState.isTouched && !hasValue(value)) return undefined;
  return fieldState.error?.message;
}
