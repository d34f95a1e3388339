'use client';

import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { Alert, Button, FileButton, Group, List, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { api, type ApiIssue } from './api';

/** Groups "hosts.ini:12"-style paths by file so the operator sees problems per file and line. */
function byFile(errors: ApiIssue[]): Array<[string, ApiIssue[]]> {
  const groups = new Map<string, ApiIssue[]>();
  for (const e of errors) {
    const file = e.path.startsWith('vars.yml') ? 'vars.yml' : e.path.startsWith('hosts.ini') ? 'hosts.ini' : 'other';
    groups.set(file, [...(groups.get(file) ?? []), e]);
  }
  return [...groups.entries()];
}

function lineOf(path: string): string {
  const m = /:(\d+)/.exec(path);
  return m ? `line ${m[1]}` : path;
}

function FileField({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        autosize
        minRows={8}
        maxRows={16}
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
      />
      <FileButton onChange={(f) => void f?.text().then(onChange)} accept=".ini,.yml,.yaml,.txt,text/plain">
        {(props) => (
          <Button {...props} size="xs" variant="subtle" aria-label={`Load ${label} from a file`}>
            Load from a file…
          </Button>
        )}
      </FileButton>
    </Stack>
  );
}

/** Creates a new install from an existing conf/hosts.ini + conf/vars.yml. */
export function ImportModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [hostsIni, setHostsIni] = useState('');
  const [varsYml, setVarsYml] = useState('');
  const [errors, setErrors] = useState<ApiIssue[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setProblem(null);
    setErrors([]);
    if (!name.trim()) {
      setProblem('Give the install a name.');
      return;
    }
    setBusy(true);
    const r = await api('POST /api/installs/import', { body: { name: name.trim(), hostsIni, varsYml } });
    setBusy(false);
    if (r.ok) {
      onClose();
      router.push(`/installs/${r.data.id}`);
    } else if (r.status === 422 && r.errors.length > 0) setErrors(r.errors);
    else setProblem(r.message);
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Import hosts.ini + vars.yml" size="xl" centered>
      <Stack>
        <Text size="sm" c="dimmed">
          Paste (or load) the installer&apos;s conf/hosts.ini and conf/vars.yml. A new install is created from them; passwords in the files are stored encrypted
          and never shown again.
        </Text>
        <TextInput label="Install name" value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <FileField label="conf/hosts.ini" value={hostsIni} onChange={setHostsIni} />
          <FileField label="conf/vars.yml" value={varsYml} onChange={setVarsYml} />
        </SimpleGrid>
        {problem && (
          <Alert color="red" role="alert">
            {problem}
          </Alert>
        )}
        {errors.length > 0 && (
          <Alert color="red" title="The files could not be imported" role="alert">
            {byFile(errors).map(([file, list]) => (
              <div key={file}>
                <Text fw={600} size="sm" mt="xs">
                  {file}
                </Text>
                <List size="sm">
                  {list.map((e, i) => (
                    <List.Item key={`${e.path}-${i}`}>
                      {lineOf(e.path)}: {e.message}
                    </List.Item>
                  ))}
                </List>
              </div>
            ))}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void submit()} loading={busy}>
            Import
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
