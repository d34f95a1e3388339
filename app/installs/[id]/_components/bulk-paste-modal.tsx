'use client';

import { useState } from 'react';
import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import type { Host } from '@/lib/config/schema';
import { defaultHost } from '@/lib/config/defaults';

export interface ParsedLines {
  hosts: Host[];
  problems: Array<{ line: number; message: string }>;
}

/** `name address [internal-ip]` per line; blank lines and `#` comments are skipped. */
export function parseHostLines(text: string, existing: Host[]): ParsedLines {
  const hosts: Host[] = [];
  const problems: ParsedLines['problems'] = [];
  const taken = new Set(existing.map((h) => h.name));
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const parts = line.split(/\s+/);
    const [name, address, ip] = parts;
    if (!name || !address || parts.length > 3) {
      problems.push({ line: i + 1, message: `expected "name address [internal-ip]", got "${line}"` });
      return;
    }
    if (taken.has(name)) {
      problems.push({ line: i + 1, message: `a host named "${name}" already exists` });
      return;
    }
    taken.add(name);
    hosts.push(defaultHost({ name, address, ip: ip ?? address }));
  });
  return { hosts, problems };
}

interface Props {
  opened: boolean;
  onClose: () => void;
  existing: Host[];
  onAdd: (hosts: Host[]) => void;
}

export function BulkPasteModal({ opened, onClose, existing, onAdd }: Props) {
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<ParsedLines['problems']>([]);
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
    setText(text.split('\n').filter((_, i) => bad.has(i + 1)).join('\n'));
    if (parsed.problems.length === 0) close();
  };

  return (
    <Modal opened={opened} onClose={close} title="Bulk paste hosts" size="lg" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          One host per line: <code>name address [internal-ip]</code>. The internal IP defaults to the address. Credentials and
          roles are set afterwards.
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
