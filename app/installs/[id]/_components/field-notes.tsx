'use client';

import { Text } from '@mantine/core';
import { useWizard } from './wizard-context';

/**
 * Warnings and notes that belong to exactly one field (e.g. "this IP is also master1 in install
 * prod"), shown under it. The field's error stays zod's; these never block the form.
 */
export function FieldNotes({ path }: { path: string }) {
  const { warnings, crossInstall } = useWizard();
  const notes = crossInstall.filter((i) => i.severity === 'info');
  const here = [...warnings, ...notes].filter((i) => i.path === path);
  if (here.length === 0) return null;
  return (
    <div>
      {here.map((i) => (
        <Text key={`${i.severity}|${i.message}`} size="xs" mt={4} c={i.severity === 'warning' ? 'orange.8' : 'dimmed'}>
          {i.severity === 'warning' ? 'Warning: ' : 'Note: '}
          {i.message}
        </Text>
      ))}
    </div>
  );
}
