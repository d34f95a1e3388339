'use client';

/**
 * "Use the local lab (N hosts)": shown on the Hosts step only when GET /api/lab says the lab
 * (`npm run lab -- up`) is running. After a confirm, POST /api/installs/:id/use-lab replaces the
 * install's hosts on the server and the form is reloaded from its answer.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { Modal } from '@/components/lazy-overlay';
import { api } from '@/components/api';
import type { LabView } from '@/lib/api/installs';
import { useWizard } from './wizard-context';

export function UseLabButton() {
  const { installId, saveNow, reloadConfig } = useWizard();
  const [lab, setLab] = useState<LabView | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api('GET /api/lab').then((r) => {
      if (live && r.ok) setLab(r.data);
    });
    return () => {
      live = false;
    };
  }, []);

  if (!lab?.up || lab.hosts.length === 0) return null;
  const count = lab.hosts.length;
  const first = lab.hosts[0]?.name ?? 'lab1';
  const last = lab.hosts[count - 1]?.name ?? first;

  const confirm = async () => {
    setBusy(true);
    setError(null);
    await saveNow(); // nothing pending may land after the replacement
    const r = await api('POST /api/installs/:id/use-lab', { params: { id: installId } });
    setBusy(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    reloadConfig(r.data.config);
    setOpen(false);
  };

  return (
    <>
      <Button variant="light" color="grape" onClick={() => setOpen(true)}>
        Use the local lab ({count} host{count === 1 ? '' : 's'})
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Use the local lab?" centered>
        <Text size="sm">
          This replaces the hosts of this install with the {count} lab host{count === 1 ? '' : 's'} ({count === 1 ? first : `${first}–${last}`}) running on this
          machine, with the lab user and its password; {first} becomes the taskbox the installer runs on. The installer profile becomes &quot;lab&quot; and the
          load balancer none; the other settings stay.
        </Text>
        {error && (
          <Alert color="red" variant="light" mt="md" title="The lab hosts were not applied">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button loading={busy} onClick={() => void confirm()} data-autofocus>
            Replace the hosts
          </Button>
        </Group>
      </Modal>
    </>
  );
}
