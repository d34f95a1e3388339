'use client';

import { Badge, Group, Stepper } from '@mantine/core';
import type { ConfigIssueWithStep } from '@/lib/config/issues';
import { WIZARD_STEPS, type WizardStepId } from '@/lib/config/steps';

interface Props {
  active: WizardStepId;
  onSelect: (step: WizardStepId) => void;
  errors: ConfigIssueWithStep[];
  warnings: ConfigIssueWithStep[];
}

/** Every step is clickable at any time; its label carries the count of errors it owns. */
export function WizardStepper({ active, onSelect, errors, warnings }: Props) {
  const index = WIZARD_STEPS.findIndex((s) => s.id === active);
  const count = (list: ConfigIssueWithStep[], id: WizardStepId) => list.filter((i) => i.step === id).length;
  return (
    <Stepper
      active={index}
      onStepClick={(i) => {
        const s = WIZARD_STEPS[i];
        if (s) onSelect(s.id);
      }}
      allowNextStepsSelect
      size="sm"
      wrap
    >
      {WIZARD_STEPS.map((s) => {
        const e = s.id === 'review' ? errors.length : count(errors, s.id);
        const w = s.id === 'review' ? 0 : count(warnings, s.id);
        return (
          <Stepper.Step
            key={s.id}
            color={e > 0 ? 'red' : undefined}
            aria-label={[s.label, e > 0 ? `${e} error${e === 1 ? '' : 's'}` : '', e === 0 && w > 0 ? `${w} warning${w === 1 ? '' : 's'}` : '']
              .filter(Boolean)
              .join(', ')}
            aria-current={s.id === active ? 'step' : undefined}
            completedIcon={e > 0 ? <span aria-hidden="true">!</span> : undefined}
            label={
              <Group gap={6} wrap="nowrap" component="span">
                <span>{s.label}</span>
                {e > 0 && (
                  <Badge component="span" size="xs" color="red" circle={e < 10} aria-hidden="true">
                    {e}
                  </Badge>
                )}
                {e === 0 && w > 0 && (
                  <Badge component="span" size="xs" color="yellow" variant="light" aria-hidden="true">
                    {w}
                  </Badge>
                )}
              </Group>
            }
          />
        );
      })}
    </Stepper>
  );
}
