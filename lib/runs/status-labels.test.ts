import { describe, expect, it } from 'vitest';
import { NOT_RUN, stageStatusLabel, summaryStageLabels } from './status-labels';

describe('stageStatusLabel', () => {
  it('calls a cancelled stage that never started "not run"', () => {
    expect(stageStatusLabel('cancelled', null)).toBe(NOT_RUN);
  });
  it('keeps "cancelled" for a stage stopped while it ran, and every other status as it is', () => {
    expect(stageStatusLabel('cancelled', '2026-01-01T00:00:00.000Z')).toBe('cancelled');
    expect(stageStatusLabel('failed', '2026-01-01T00:00:00.000Z')).toBe('failed');
    expect(stageStatusLabel('queued', null)).toBe('queued');
  });
});

describe('summaryStageLabels', () => {
  it('labels the stages after a failure "not run"', () => {
    expect(summaryStageLabels('failed', ['succeeded', 'failed', 'cancelled', 'cancelled'])).toEqual(['succeeded', 'failed', NOT_RUN, NOT_RUN]);
  });
  it('keeps the operator\'s cancel on the stage it stopped, and "not run" after it', () => {
    expect(summaryStageLabels('cancelled', ['succeeded', 'cancelled', 'cancelled'])).toEqual(['succeeded', 'cancelled', NOT_RUN]);
  });
  it('never calls a stage of a run that was not cancelled "cancelled"', () => {
    expect(summaryStageLabels('interrupted', ['interrupted', 'cancelled'])).toEqual(['interrupted', NOT_RUN]);
  });
});
