'use client';
/** The Hosts step's "Bulk paste": lines parsed by lib/config/parse-host-lines.ts; failed lines stay in the box. */
import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { Host } from '@/lib/config/schema';
import { parseHostLines, type HostLineProblem } from '@/lib/config/parse-host-lines';

interface Props {
  opened: boolean;
  onClose: () => void;
  existing: Host[];
  onAdd: (hosts: Host[]) => void;
}

export function BulkPasteModal({ opened, onClose, existing, onAdd }: Props) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<HostLineProblem[]>([]);
  const [added, setAdded] = useState<number | null>(null);

  const close = () => {
    setProblems([]);
    setAdded(null);
    onClose();
  };
  const submit = () => {
    const parsed = parseHostLines(text, existing);
    if (parsed.hosts.length > 0) onAdd(parsed.hosts);
    setProblems(parsed.problems);
    setAdded(parsed.hosts.length);
    // keep only the lines that failed, so they can be corrected and pasted again
    const bad = new Set(parsed.problems.map((p) => p.line));
    setText(
      text
        .split('\n')
        .filter((_, i) => bad.has(i + 1))
        .join('\n'),
    );
    if (parsed.problems.length === 0) close();
  };

  return (
    <Modal opened={opened} onClose={close} title="Bulk paste hosts" size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          One host per line: <code>name address [internal-ip]</code>. The internal IP defaults to the address. Credentials and roles are set afterwards.
        </Text>
        <Textarea
          label="Hosts, one per line"
          placeholder={'node1 192.168.0.4\nnode2 192.168.0.5 10.0.0.5'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={6}
          spellCheck={false}
          data-autofocus
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        {problems.length > 0 && (
          <Alert color="red" title={`${added ?? 0} added; these lines were not`} role="alert">
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p.line}>
                  line {p.line}: {p.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button onClick={submit} disabled={!text.trim()}>
            Add hosts
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
